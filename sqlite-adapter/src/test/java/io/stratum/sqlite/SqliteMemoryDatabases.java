package io.stratum.sqlite;

import io.stratum.testkit.tck.TestDatabase;

/** Every URL is a private in-memory database. */
final class SqliteMemoryDatabases implements TestDatabase {
    @Override
    public String freshUrl() {
        return "jdbc:sqlite::memory:";
    }

    @Override
    public void close() {
    }
}
