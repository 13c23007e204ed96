package io.stratum.testkit.tck;

/**
 * A source of fresh, empty databases for one backend configuration. Implemented once per configuration
 * (SQLite in-memory, SQLite file, PostgreSQL) in the adapter modules.
 */
public interface TestDatabase extends AutoCloseable {

    /** JDBC URL of a new, empty database that no other test uses. */
    String freshUrl();

    /** Removes every database this source created. */
    @Override
    void close();
}
