/** An application module using Stratum: it requires the API only; the SQLite backend is bound as a service. */
module io.stratum.modulepath {
    requires io.stratum.core;
}
