/**
 * Stratum's read-only web dashboard: {@link io.stratum.dashboard.Dashboard} serves pages and JSON over a Stratum
 * database with the JDK's HTTP server.
 */
module io.stratum.dashboard {
    requires transitive io.stratum.core;
    requires jdk.httpserver;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.stratum.dashboard;
}
