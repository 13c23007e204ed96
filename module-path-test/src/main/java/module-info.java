/**
 * An application module using Stratum: it requires the API only; the SQLite backend is bound as a service. It also
 * requires the testkit, to check that it resolves on the module path too.
 */
module io.stratum.modulepath {
    requires io.stratum.core;
    requires io.stratum.testkit;
}
