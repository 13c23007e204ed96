/**
 * Stratum's public API ({@code io.stratum} and its feature packages) and the backend SPI ({@code io.stratum.spi}).
 * The implementation ({@code io.stratum.internal.*}) is not exported. Backends are found with {@link
 * java.util.ServiceLoader} in the adapter modules ({@code io.stratum.sqlite}, {@code io.stratum.postgres}, ...).
 */
module io.stratum.core {
    requires transitive java.sql;
    requires transitive org.jooq;
    requires transitive com.zaxxer.hikari;
    // Stratum's generated table classes, for applications that query its tables with jOOQ.
    requires transitive io.stratum.codegen;
    requires java.xml;
    requires liquibase.core;
    requires org.slf4j;

    exports io.stratum;
    exports io.stratum.agent;
    exports io.stratum.audit;
    exports io.stratum.memory;
    exports io.stratum.queue;
    exports io.stratum.session;
    exports io.stratum.spi;
    exports io.stratum.task;

    uses io.stratum.spi.Backend;
    uses io.stratum.spi.TestDatabaseService;
}
