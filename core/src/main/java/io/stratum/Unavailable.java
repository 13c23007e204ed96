package io.stratum;

/**
 * The database cannot be reached or the connection broke. Whether the interrupted write was applied is
 * unknown unless the operation is idempotent.
 */
public final class Unavailable extends StratumException {
    public Unavailable(String message, Throwable cause) {
        super(ErrorCode.UNAVAILABLE, message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
