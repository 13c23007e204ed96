/**
 * The SQLite backend of Stratum, found by {@code Stratum.open("jdbc:sqlite:...")} through the Backend SPI, and
 * its test databases (in-memory and file) for the testkit.
 */
module io.stratum.sqlite {
    requires io.stratum.core;
    requires org.xerial.sqlitejdbc;
    requires org.slf4j;

    provides io.stratum.spi.Backend with
            io.stratum.sqlite.SqliteBackend;
    provides io.stratum.spi.TestDatabaseService with
            io.stratum.sqlite.testdb.SqliteMemoryTestDatabases,
            io.stratum.sqlite.testdb.SqliteFileTestDatabases;
}
