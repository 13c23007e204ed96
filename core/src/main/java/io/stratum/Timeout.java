package io.stratum;

/** A connection could not be acquired, or a statement did not finish, within its configured time. */
public final class Timeout extends StratumException {
    public Timeout(String message, Throwable cause) {
        super(ErrorCode.TIMEOUT, message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
