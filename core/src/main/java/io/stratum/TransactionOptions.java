package io.stratum;

/**
 * How a {@link Stratum#transaction(TransactionOptions, java.util.function.Consumer)} block runs.
 *
 * <p>PostgreSQL runs the requested isolation level. SQLite has one writer at a time and readers that see a
 * snapshot, so every SQLite transaction is serializable whatever is asked, which is at least as strong.
 *
 * @param isolation the isolation level; under {@link Isolation#REPEATABLE_READ} and {@link Isolation#SERIALIZABLE}
 *     PostgreSQL aborts a transaction that conflicts with a concurrent one, and Stratum runs it again (see
 *     {@link RetryPolicy})
 * @param readOnly a read-only transaction: writes through its repositories are refused, PostgreSQL runs it
 *     {@code READ ONLY}, and on SQLite it takes no write lock, so it never waits for writers nor they for it
 */
public record TransactionOptions(Isolation isolation, boolean readOnly) {

    /**
     * Read-write at the server's default isolation, READ COMMITTED on PostgreSQL unless the server is configured
     * otherwise: what every single repository call uses. The driver opens it with the first statement.
     */
    public static final TransactionOptions DEFAULT = new TransactionOptions(Isolation.READ_COMMITTED, false);

    /** Read-write and SERIALIZABLE: the transaction behaves as if it ran alone. */
    public static final TransactionOptions SERIALIZABLE = new TransactionOptions(Isolation.SERIALIZABLE, false);

    /** Read-only on one consistent snapshot (REPEATABLE READ on PostgreSQL, which never aborts a reader). */
    public static final TransactionOptions READ_ONLY = new TransactionOptions(Isolation.REPEATABLE_READ, true);

    public TransactionOptions {
        if (isolation == null) {
            throw new InvalidInput("isolation", "is required");
        }
    }

    /** SQL isolation levels Stratum can ask for. */
    public enum Isolation {
        READ_COMMITTED,
        REPEATABLE_READ,
        SERIALIZABLE;

        /** The level as SQL spells it, e.g. {@code REPEATABLE READ}. */
        public String sql() {
            return name().replace('_', ' ');
        }
    }
}
