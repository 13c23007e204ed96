package io.stratum.testkit.internal;

import io.stratum.Stratum;

/**
 * A database that one test owns: created for it, migrated by copying a template that was migrated once per
 * JVM, removed by {@link #close()}.
 */
interface TestDatabase extends AutoCloseable {

    /** JDBC URL of the database. */
    String url();

    /** Fills the database through {@code db} if its URL alone did not give it the schema (in-memory SQLite). */
    default void fill(Stratum db) {
    }

    /** Removes the database; the caller has closed every connection to it. */
    @Override
    void close();
}
