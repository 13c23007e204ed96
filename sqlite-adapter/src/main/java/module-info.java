/** The SQLite backend of Stratum, found by {@code Stratum.open("jdbc:sqlite:...")} through the Backend SPI. */
module io.stratum.sqlite {
    requires io.stratum.core;
    requires org.xerial.sqlitejdbc;

    provides io.stratum.spi.Backend with io.stratum.sqlite.SqliteBackend;
}
