package io.stratum.mariadb;

import io.stratum.spi.SqlFailure;
import io.stratum.spi.SqlFailure.Kind;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classification of MariaDB errors by error code (the server's {@code ER_*} numbers), with the violated constraint
 * parsed from the message, which is where MariaDB reports it.
 */
final class MariaDbErrors {
    /** {@code Duplicate entry 'x' for key 'uq_tasks_idempotency_key'}. */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("for key '(?:[^'.]*\\.)?([^']+)'");
    /** {@code ... a foreign key constraint fails (`db`.`tasks`, CONSTRAINT `fk_tasks_parent` FOREIGN KEY ...}. */
    private static final Pattern FOREIGN_KEY = Pattern.compile("CONSTRAINT `([^`]+)`");
    /** {@code CONSTRAINT `ck_tasks_priority` failed for `db`.`tasks`}. */
    private static final Pattern CHECK = Pattern.compile("CONSTRAINT `([^`]+)` failed");
    /** {@code Column 'summary' cannot be null}, {@code Field 'summary' doesn't have a default value}. */
    private static final Pattern COLUMN = Pattern.compile("(?:Column|Field) '([^']+)'");

    /** Connector/J's message when the URL asks for TLS (its default) and the server has none. */
    private static final String TLS_NOT_ENABLED = "ssl not enabled in the server";

    /** How Connector/J's messages about a URL or property it cannot read begin. */
    private static final List<String> URL_PARSE_FAILURES = List.of(
            "Incorrect port value",
            "url parsing error",
            "error parsing url",
            "Invalid connection URL",
            "wrong failover parameter format",
            "Optional parameter ",
            "Value for ",
            "Wrong type value");

    private MariaDbErrors() {}

    static SqlFailure classify(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return switch (e.getErrorCode()) {
            case 4025 -> new SqlFailure(Kind.CHECK_VIOLATION, group(CHECK, message));
            case 1451, 1452, 1216, 1217 -> new SqlFailure(Kind.FOREIGN_KEY_VIOLATION, group(FOREIGN_KEY, message));
            case 1062, 1586 -> new SqlFailure(Kind.UNIQUE_VIOLATION, group(DUPLICATE_KEY, message));
            case 1048, 1364 -> new SqlFailure(Kind.NOT_NULL_VIOLATION, group(COLUMN, message));
            case 1213 -> SqlFailure.of(Kind.DEADLOCK);
            case 1205 -> SqlFailure.of(Kind.BUSY); // lock wait timeout
            case 1969, 3024, 1317 -> SqlFailure.of(Kind.TIMEOUT); // max_statement_time, query interrupted
            case 1021, 1114 -> SqlFailure.of(Kind.STORAGE); // disk full, table full
            case 1290, 1792, 1836 -> SqlFailure.of(Kind.WRITE_REFUSED); // --read-only, read-only transaction
            // access denied (user, database), unknown database, account locked, password expired
            case 1044, 1045, 1049, 4151, 1820, 1862 -> SqlFailure.of(Kind.CONFIGURATION);
            case 2002, 2003, 2006, 2013, 1053, 1077, 1152, 1153, 1927 -> SqlFailure.of(Kind.CONNECTION);
            default -> byState(e);
        };
    }

    private static SqlFailure byState(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.isEmpty() && e.getErrorCode() == 0 && urlParseFailure(e.getMessage())) {
            return SqlFailure.of(Kind.INVALID_URL);
        }
        if (tlsRefused(e)) {
            return SqlFailure.of(Kind.CONFIGURATION);
        }
        if (state.startsWith("08")) {
            return SqlFailure.of(Kind.CONNECTION);
        }
        if (state.equals("40001")) {
            return SqlFailure.of(Kind.DEADLOCK);
        }
        if (e instanceof SQLTransientConnectionException) {
            return SqlFailure.of(Kind.TIMEOUT); // pool acquisition timed out while the server was reachable
        }
        return SqlFailure.of(Kind.OTHER);
    }

    /**
     * Whether the connection failed because TLS as the URL's {@code sslMode} asks for it cannot be had: the server has
     * no TLS, or its certificate is not one the client trusts. Waiting does not help; the URL or the server must
     * change.
     */
    private static boolean tlsRefused(SQLException e) {
        if (e.getMessage() != null && e.getMessage().contains(TLS_NOT_ENABLED)) {
            return true;
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code message} is one of Connector/J's complaints about the URL or its properties, which it raises
     * without SQLState or error code before connecting. A password in the URL's user-info ({@code user:pw@host}) is
     * read as the port: {@code Incorrect port value : pw@host}.
     */
    static boolean urlParseFailure(String message) {
        if (message == null) {
            return false;
        }
        for (String prefix : URL_PARSE_FAILURES) {
            if (message.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String group(Pattern pattern, String message) {
        Matcher m = pattern.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
