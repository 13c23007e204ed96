/**
 * The testkit: a JUnit 5 extension giving tests a migrated, isolated Stratum ({@code io.stratum.testkit}), and the
 * conformance suite every backend runs ({@code io.stratum.testkit.tck}). Its implementation
 * ({@code io.stratum.testkit.internal}) is not exported. JUnit reaches the extension and the contracts' test methods
 * by reflection, hence the opens.
 */
module io.stratum.testkit {
    requires transitive io.stratum.core;
    requires transitive org.junit.jupiter.api;
    requires org.junit.jupiter.params;
    requires org.assertj.core;
    requires org.snakeyaml.engine;
    requires org.slf4j;
    // The stock Liquibase command line, which the conformance suite runs beside Stratum on a shared changelog.
    requires liquibase.core;
    requires info.picocli;
    // Optional: a PostgreSQL or MariaDB container when no server is configured; loaded only once found.
    // Testcontainers has no module name of its own: this is the one derived from its jar's name.
    requires static testcontainers;

    // The backend under test, for contracts whose expectations depend on what it can do.
    uses io.stratum.spi.Backend;

    exports io.stratum.testkit;
    exports io.stratum.testkit.tck;

    opens io.stratum.testkit to
            org.junit.platform.commons;
    opens io.stratum.testkit.tck to
            org.junit.platform.commons;
}
