package io.stratum;

/** A database error that no other type describes; the message carries the database's own text. */
public final class DatabaseError extends StratumException {
    public DatabaseError(String message, Throwable cause) {
        super(ErrorCode.INTERNAL, message, cause);
    }
}
