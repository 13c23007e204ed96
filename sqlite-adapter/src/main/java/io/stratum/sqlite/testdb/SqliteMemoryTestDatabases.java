package io.stratum.sqlite.testdb;

import io.stratum.spi.TestDatabaseService;

/**
 * {@code sqlite-memory}: private in-memory SQLite databases, filled from the migrated template by restoring a
 * backup into the store opened on them.
 */
public final class SqliteMemoryTestDatabases implements TestDatabaseService {
    @Override
    public String name() {
        return "sqlite-memory";
    }

    @Override
    public String backend() {
        return "sqlite";
    }

    @Override
    public TestDatabase create(String serverUrl) {
        return new SqliteMemoryDatabase(false);
    }

    @Override
    public TestDatabase fromTemplate(String serverUrl) {
        return new SqliteMemoryDatabase(true);
    }
}
