package io.stratum.sqlite.testdb;

import io.stratum.spi.TestDatabaseService;

/** {@code sqlite-file}: SQLite database files (WAL) in temporary directories, copies of the migrated template. */
public final class SqliteFileTestDatabases implements TestDatabaseService {
    @Override
    public String name() {
        return "sqlite-file";
    }

    @Override
    public String backend() {
        return "sqlite";
    }

    @Override
    public TestDatabase create(String serverUrl) {
        return SqliteFileDatabase.create(false);
    }

    @Override
    public TestDatabase fromTemplate(String serverUrl) {
        return SqliteFileDatabase.create(true);
    }
}
