package io.stratum.sqlite.testdb;

import io.stratum.Stratum;
import io.stratum.spi.TestDatabaseService.TestDatabase;

/**
 * A private in-memory SQLite database: each store opened on the URL has one of its own, which lives as long
 * as the store. Nothing is left to remove on close.
 */
record SqliteMemoryDatabase(boolean fromTemplate) implements TestDatabase {
    @Override
    public String url() {
        return "jdbc:sqlite::memory:";
    }

    @Override
    public void fill(Stratum store) {
        if (fromTemplate) {
            SqliteTemplate.restoreInto(store);
        }
    }

    @Override
    public void close() {}
}
