/**
 * The PostgreSQL backend of Stratum, found by {@code Stratum.open("jdbc:postgresql://...")} through the Backend
 * SPI, and its test databases (cloned from a migrated template) for the testkit.
 */
module io.stratum.postgres {
    requires io.stratum.core;
    requires org.postgresql.jdbc;
    requires org.slf4j;

    provides io.stratum.spi.Backend with
            io.stratum.postgres.PostgresBackend;
    provides io.stratum.spi.TestDatabaseService with
            io.stratum.postgres.testdb.PostgresTestDatabases;
}
