package io.stratum.bench;

import io.stratum.spi.TestDatabaseService;
import io.stratum.spi.TestDatabaseService.TestDatabase;

/**
 * A database that exists for one contender of one workload, from the {@link TestDatabaseService} of its
 * backend: a new SQLite file, or a new database on the PostgreSQL or MariaDB server of {@code serverUrl}, empty
 * or with Stratum's schema, removed afterwards.
 */
final class ScratchDatabase implements AutoCloseable {
    private final BackendKind kind;
    private final TestDatabase database;

    private ScratchDatabase(BackendKind kind, TestDatabase database) {
        this.kind = kind;
        this.database = database;
    }

    static ScratchDatabase empty(BackendKind kind, String serverUrl) {
        return new ScratchDatabase(kind, service(kind).create(server(kind, serverUrl)));
    }

    static ScratchDatabase migrated(BackendKind kind, String serverUrl) {
        return new ScratchDatabase(kind, service(kind).fromTemplate(server(kind, serverUrl)));
    }

    BackendKind kind() {
        return kind;
    }

    String url() {
        return database.url();
    }

    @Override
    public void close() {
        database.close();
    }

    private static TestDatabaseService service(BackendKind kind) {
        return TestDatabaseService.named(kind.testDatabaseService());
    }

    private static String server(BackendKind kind, String serverUrl) {
        return service(kind).needsServer() ? serverUrl : null;
    }
}
