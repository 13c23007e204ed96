package io.stratum.spi;

/**
 * What a backend made of a driver exception.
 *
 * @param kind the class of failure
 * @param constraint the violated constraint's schema name for constraint kinds when the database reports
 *     it (SQLite does not name foreign keys: then null)
 */
public record SqlFailure(Kind kind, String constraint) {

    /** Classes of database failure Stratum distinguishes. */
    public enum Kind {
        CHECK_VIOLATION,
        FOREIGN_KEY_VIOLATION,
        UNIQUE_VIOLATION,
        NOT_NULL_VIOLATION,
        /** Lock contention (SQLite busy/locked, PostgreSQL lock timeout). Retryable. */
        BUSY,
        /** PostgreSQL serialisation failure (40001). Retryable. */
        SERIALIZATION_FAILURE,
        /** Deadlock detected (40P01). Retryable. */
        DEADLOCK,
        /** Connection refused, lost or closed. */
        CONNECTION,
        /** Statement or acquisition timeout, query cancelled. */
        TIMEOUT,
        /**
         * The database or file cannot be written (disk full, write or sync error, corrupt, not a database); a
         * failure of this kind while committing leaves the outcome unknown.
         */
        STORAGE,
        /**
         * The database refused the write before changing anything (read-only database or file, a file it cannot
         * open, lock or read): nothing was applied, and running it again will not succeed.
         */
        WRITE_REFUSED,
        /**
         * The connection settings cannot work: authentication failed, the database or role does not exist, or
         * the server cannot meet the requested security (SSL). Running it again will not succeed.
         */
        CONFIGURATION,
        /**
         * The driver cannot read the JDBC URL or its properties (a port that is no number, a malformed parameter):
         * nothing was sent to the database. Core reports it as {@code InvalidInput} naming the URL.
         */
        INVALID_URL,
        /** Anything else. */
        OTHER
    }

    public static SqlFailure of(Kind kind) {
        return new SqlFailure(kind, null);
    }
}
