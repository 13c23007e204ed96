package io.stratum.spi;

import io.stratum.Stratum;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Fresh databases for tests, for one configuration of one {@link Backend}: an adapter registers one service per
 * configuration in {@code META-INF/services/io.stratum.spi.TestDatabaseService} (SQLite has two, in memory and
 * in files). The testkit, the conformance suite and the other test harnesses find them by {@link #name()} and
 * know nothing else about the database, so a further dialect brings its tests along with its module.
 *
 * <p>A service that {@link #needsServer()} is given the JDBC URL of a server on which it may create and drop
 * databases; the testkit reads it from the setting {@code stratum.test.<name>.url} (system property or JUnit
 * configuration parameter) or {@code STRATUM_TEST_<NAME>_URL} (environment), for each of the
 * {@link #settingNames()}. Services that need no server are given {@code null}.
 */
public interface TestDatabaseService {

    /** The configuration's name, lower case with dashes, e.g. {@code sqlite-memory} or {@code postgresql}. */
    String name();

    /** The {@link Backend#name()} of the backend the databases are for. */
    String backend();

    /** Whether {@link #create(String)} and {@link #fromTemplate(String)} need the URL of a server. */
    default boolean needsServer() {
        return false;
    }

    /**
     * The names the settings of this service are read under, most specific first: by default only
     * {@link #name()}; a service may add an older name so that existing configurations keep working. Every one of
     * them names the service in {@link #named(String)} too, so a test may say {@code postgres} wherever its settings
     * do.
     */
    default List<String> settingNames() {
        return List.of(name());
    }

    /** Whether {@code serverUrl} can name a server of this service (checked before it is used). */
    default boolean acceptsServer(String serverUrl) {
        return true;
    }

    /**
     * The container image a test harness may start to get a server when none is configured, or null when
     * there is none to start.
     */
    default String containerImage() {
        return null;
    }

    /**
     * A new, empty database that nothing else uses.
     *
     * @param serverUrl the server to create it on; null when the service does not {@link #needsServer()}
     */
    TestDatabase create(String serverUrl);

    /**
     * A new database with Stratum's schema migrated and no rows, copied from a template database that is
     * migrated once per JVM and server (unless a copy is no quicker than migrating).
     *
     * @param serverUrl the server to create it on; null when the service does not {@link #needsServer()}
     */
    TestDatabase fromTemplate(String serverUrl);

    /** The services on the class path, in class-path order. */
    static List<TestDatabaseService> installed() {
        List<TestDatabaseService> services = new ArrayList<>();
        ServiceLoader.load(TestDatabaseService.class, TestDatabaseService.class.getClassLoader())
                .forEach(services::add);
        return services;
    }

    /**
     * The installed service called {@code name}: its {@link #name()}, or else one of the {@link #settingNames()} of
     * a service whose settings are its own (its first setting name is its name), such as PostgreSQL's
     * {@code postgres}; a service that borrows another's settings is never found by them.
     *
     * @throws IllegalArgumentException naming the installed services when none is called {@code name}
     */
    static TestDatabaseService named(String name) {
        List<TestDatabaseService> services = installed();
        return services.stream()
                .filter(service -> service.name().equals(name))
                .findFirst()
                .or(() -> services.stream()
                        .filter(service -> service.settingNames().contains(name)
                                && service.settingNames().get(0).equals(service.name()))
                        .findFirst())
                .orElseThrow(() -> new IllegalArgumentException("no test database service '" + name
                        + "' on the class path; installed: " + names(services)
                        + " (each adapter module, e.g. stratum-sqlite or stratum-postgres, brings its own)"));
    }

    /** The names of {@code services}, comma-separated, or {@code none}. */
    static String names(List<TestDatabaseService> services) {
        return services.isEmpty()
                ? "none"
                : services.stream().map(TestDatabaseService::name).collect(Collectors.joining(", "));
    }

    /** A database that one test or suite owns, removed by {@link #close()}. */
    interface TestDatabase extends AutoCloseable {

        /** JDBC URL of the database. */
        String url();

        /**
         * Gives the store opened on {@link #url()} its content when the URL alone does not (a private in-memory
         * database made by {@link TestDatabaseService#fromTemplate(String)}); does nothing otherwise.
         */
        default void fill(Stratum store) {}

        /** Removes the database; the caller has closed its connections to it. */
        @Override
        void close();
    }
}
