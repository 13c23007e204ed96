package io.stratum.testkit;

/** The database a test runs on. */
public enum TestBackend {
    /** A private in-memory SQLite database per test; needs {@code stratum-sqlite} on the test class path. */
    SQLITE_MEMORY,
    /** A SQLite database file (WAL) in a temporary directory per test, deleted afterwards; needs {@code stratum-sqlite}. */
    SQLITE_FILE,
    /**
     * A PostgreSQL database per test, cloned from a migrated template database and dropped afterwards; needs
     * {@code stratum-postgres}. The server is the explicit URL if one is configured, else a Testcontainers
     * container when Docker answers, else the test is skipped (see {@link StratumTest}).
     */
    POSTGRES
}
