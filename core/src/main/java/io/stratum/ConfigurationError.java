package io.stratum;

/**
 * The database refused the connection settings: authentication failed, the database or role does not exist, or
 * the server cannot meet the requested security (for example {@code sslmode=require} against a server without
 * SSL). Running the same operation again will not succeed; the URL, the credentials or the server's
 * configuration have to change. Never retryable.
 */
public final class ConfigurationError extends StratumException {
    /** An error whose {@code message} says which setting the database refused; {@code cause} is the driver's. */
    public ConfigurationError(String message, Throwable cause) {
        super(ErrorCode.CONFIGURATION, message, cause);
    }
}
