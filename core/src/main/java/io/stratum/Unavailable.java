package io.stratum;

/**
 * The database cannot be reached, the connection broke, or the database cannot be written at all.
 *
 * <p>{@link #isRetryable()} says whether running the same unit of work again is safe and may succeed: it is
 * when the connection broke before the transaction was committed (the database rolled it back), and it is not
 * when the connection broke or a write failed during COMMIT of a write transaction (the outcome is unknown: the
 * changes may or may not have been applied) or when the database refuses writes (read-only file or database, a
 * file deleted while open, disk full, not a database; the message says when nothing was applied).
 */
public final class Unavailable extends StratumException {
    private final boolean retryable;

    /** A retryable failure: nothing was committed. */
    public Unavailable(String message, Throwable cause) {
        this(message, cause, true);
    }

    public Unavailable(String message, Throwable cause, boolean retryable) {
        super(ErrorCode.UNAVAILABLE, message, cause);
        this.retryable = retryable;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
