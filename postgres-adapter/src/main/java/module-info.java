/** The PostgreSQL backend of Stratum, found by {@code Stratum.open("jdbc:postgresql://...")} through the Backend SPI. */
module io.stratum.postgres {
    requires io.stratum.core;
    requires org.postgresql.jdbc;

    provides io.stratum.spi.Backend with io.stratum.postgres.PostgresBackend;
}
