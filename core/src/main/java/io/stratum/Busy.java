package io.stratum;

/**
 * The database could not run the operation now because of concurrent work: SQLite's write lock was held
 * for longer than the busy timeout, or PostgreSQL aborted a transaction on a serialisation failure or a
 * deadlock. Retrying the whole unit of work is safe.
 */
public final class Busy extends StratumException {
    public Busy(String message, Throwable cause) {
        super(ErrorCode.BUSY, message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
