/**
 * The MariaDB backend of Stratum, found by {@code Stratum.open("jdbc:mariadb://...")} through the Backend SPI, and
 * its test databases (copied from a migrated template) for the testkit.
 */
module io.stratum.mariadb {
    requires io.stratum.core;
    requires org.mariadb.jdbc;
    requires org.slf4j;

    provides io.stratum.spi.Backend with
            io.stratum.mariadb.MariaDbBackend;
    provides io.stratum.spi.TestDatabaseService with
            io.stratum.mariadb.testdb.MariaDbTestDatabases;
}
