package io.stratum.testkit.tck;

import io.stratum.spi.TestDatabaseService;
import io.stratum.spi.TestDatabaseService.TestDatabase;
import io.stratum.testkit.internal.Settings;
import io.stratum.testkit.internal.TestDatabases;
import io.stratum.testkit.internal.TestcontainersRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fresh, empty databases from one {@link TestDatabaseService}, for suites that manage their databases
 * themselves: each {@link #freshUrl()} creates one, {@link #close()} removes them all. A service that needs a
 * server gets it as {@link io.stratum.testkit.StratumTest} describes, from system properties and environment
 * variables; without one the calling test is skipped, or fails when the service's require setting is true.
 */
public final class ScratchDatabases implements AutoCloseable {
    private static final Settings SETTINGS =
            new Settings(name -> Optional.ofNullable(System.getProperty(name)), System::getenv);

    private final TestDatabaseService service;
    private final String serverUrl;
    private final List<TestDatabase> created = new ArrayList<>();

    private ScratchDatabases(TestDatabaseService service, String serverUrl) {
        this.service = service;
        this.serverUrl = serverUrl;
    }

    /** Databases from the installed service called {@code serviceName}, e.g. {@code sqlite-file}. */
    public static ScratchDatabases of(String serviceName) {
        TestDatabaseService service = TestDatabases.service(serviceName);
        return new ScratchDatabases(
                service, TestDatabases.server(service, "", SETTINGS, TestcontainersRuntime.INSTANCE));
    }

    /** The service the databases come from. */
    public TestDatabaseService service() {
        return service;
    }

    /** JDBC URL of the server the databases are created on, or null when the service needs none. */
    public String serverUrl() {
        return serverUrl;
    }

    /** JDBC URL of a new, empty database that no other test uses. */
    public synchronized String freshUrl() {
        TestDatabase database = service.create(serverUrl);
        created.add(database);
        return database.url();
    }

    /** Removes every database this source created. */
    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (TestDatabase database : created) {
            try {
                database.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        created.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
