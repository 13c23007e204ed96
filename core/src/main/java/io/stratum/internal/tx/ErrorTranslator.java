package io.stratum.internal.tx;

import io.stratum.Busy;
import io.stratum.ConfigurationError;
import io.stratum.ConstraintViolation;
import io.stratum.DatabaseError;
import io.stratum.InvalidInput;
import io.stratum.JdbcUrls;
import io.stratum.StratumException;
import io.stratum.Timeout;
import io.stratum.Unavailable;
import io.stratum.spi.Backend;
import io.stratum.spi.SqlFailure;
import java.sql.SQLException;

/** Turns whatever a database call threw into the {@link StratumException} the backend's classification calls for. */
final class ErrorTranslator {
    /** Placeholder constraint name when the database does not report which foreign key failed (SQLite). */
    public static final String UNNAMED_FOREIGN_KEY = "foreign key";

    private final Backend backend;

    public ErrorTranslator(Backend backend) {
        this.backend = backend;
    }

    /** The typed form of {@code failure}; StratumExceptions pass through unchanged. */
    public RuntimeException translate(RuntimeException failure) {
        if (failure instanceof StratumException) {
            return failure;
        }
        SQLException sql = findSqlException(failure);
        return sql == null ? failure : translate(sql);
    }

    /** The typed form of a driver exception. */
    public StratumException translate(SQLException sql) {
        SqlFailure classified = backend.classify(sql);
        String detail = backend.name() + ": " + firstLine(sql.getMessage());
        return switch (classified.kind()) {
            case CHECK_VIOLATION -> constraint(ConstraintViolation.Kind.CHECK, classified, detail, sql);
            case FOREIGN_KEY_VIOLATION -> constraint(ConstraintViolation.Kind.FOREIGN_KEY, classified, detail, sql);
            case UNIQUE_VIOLATION -> constraint(ConstraintViolation.Kind.UNIQUE, classified, detail, sql);
            case NOT_NULL_VIOLATION -> constraint(ConstraintViolation.Kind.NOT_NULL, classified, detail, sql);
            case BUSY, SERIALIZATION_FAILURE, DEADLOCK -> new Busy(detail, sql);
            case TIMEOUT -> new Timeout(detail, sql);
            case CONNECTION -> new Unavailable(detail, sql);
            case STORAGE -> new Unavailable("database cannot be written: " + detail, sql, false);
            case WRITE_REFUSED ->
                new Unavailable("the database refused the write, nothing was applied: " + detail, sql, false);
            case CONFIGURATION ->
                new ConfigurationError("the database refused the connection settings: " + detail, sql);
            case INVALID_URL ->
                new InvalidInput(
                        "url", "the driver cannot read the URL or its properties: " + JdbcUrls.redactUserInfo(detail));
            case OTHER -> new DatabaseError(detail, sql);
        };
    }

    /**
     * How the backend classifies the driver exception in {@code failure}'s causes, or null when there is none
     * (the failure did not come from the database).
     */
    public SqlFailure.Kind kindOf(Throwable failure) {
        SQLException sql = findSqlException(failure);
        return sql == null ? null : backend.classify(sql).kind();
    }

    private static ConstraintViolation constraint(
            ConstraintViolation.Kind kind, SqlFailure failure, String detail, SQLException cause) {
        String name = failure.constraint() != null
                ? failure.constraint()
                : kind == ConstraintViolation.Kind.FOREIGN_KEY ? UNNAMED_FOREIGN_KEY : "unknown";
        return new ConstraintViolation(kind, name, detail, cause);
    }

    /**
     * The driver's exception among {@code t}'s causes: the first SQLException that carries an SQLState or an error
     * code, else the first one. jOOQ wraps a driver exception raised while it reads a row (a connection lost in the
     * middle of a result) in an SQLException of its own that carries neither.
     */
    private static SQLException findSqlException(Throwable t) {
        SQLException first = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                if (sql.getSQLState() != null || sql.getErrorCode() != 0) {
                    return sql;
                }
                first = first == null ? sql : first;
            }
        }
        return first;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int nl = message.indexOf('\n');
        return JdbcUrls.redact(nl < 0 ? message : message.substring(0, nl));
    }
}
