package io.stratum;

/**
 * Root of every error Stratum reports. The hierarchy is sealed: a {@code switch} over it is exhaustive,
 * and every subtype names what failed and carries its context in fields as well as in the message.
 *
 * <p>Database errors are classified once, by the backend adapter, from the SQLState or the SQLite result
 * code; callers never have to inspect a {@link java.sql.SQLException}.
 */
public abstract sealed class StratumException extends RuntimeException
        permits NotFound,
                Conflict,
                ConstraintViolation,
                InvalidInput,
                Busy,
                Timeout,
                Unavailable,
                ConfigurationError,
                MigrationFailed,
                DatabaseError {

    private final ErrorCode code;

    protected StratumException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Stable code of this error, for programs and exit statuses. */
    public ErrorCode code() {
        return code;
    }

    /**
     * Whether repeating the same operation may succeed: true for lock contention, serialisation
     * failures, timeouts and lost connections; false for everything that is wrong with the request itself.
     */
    public boolean isRetryable() {
        return false;
    }
}
