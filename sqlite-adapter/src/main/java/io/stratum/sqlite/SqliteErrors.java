package io.stratum.sqlite;

import io.stratum.spi.SqlFailure;
import io.stratum.spi.SqlFailure.Kind;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Classification of sqlite-jdbc exceptions by SQLite result code. */
final class SqliteErrors {
    private static final Pattern CHECK_NAME = Pattern.compile("CHECK constraint failed: ([\\w$]+)");
    private static final Pattern COLUMNS = Pattern.compile("(?:UNIQUE|NOT NULL) constraint failed: ([\\w.$, ]+)");

    private SqliteErrors() {
    }

    static SqlFailure classify(SQLException e) {
        if (e instanceof SQLTransientConnectionException) {
            return SqlFailure.of(Kind.TIMEOUT); // the pool had no free connection in time
        }
        if (!(e instanceof SQLiteException sqlite)) {
            String message = String.valueOf(e.getMessage());
            return message.contains("closed") ? SqlFailure.of(Kind.CONNECTION) : SqlFailure.of(Kind.OTHER);
        }
        SQLiteErrorCode code = sqlite.getResultCode();
        String message = String.valueOf(e.getMessage());
        return switch (code) {
            case SQLITE_CONSTRAINT_CHECK -> new SqlFailure(Kind.CHECK_VIOLATION, find(CHECK_NAME, message));
            case SQLITE_CONSTRAINT_FOREIGNKEY -> new SqlFailure(Kind.FOREIGN_KEY_VIOLATION, null);
            case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY ->
                    new SqlFailure(Kind.UNIQUE_VIOLATION, find(COLUMNS, message));
            case SQLITE_CONSTRAINT_NOTNULL -> new SqlFailure(Kind.NOT_NULL_VIOLATION, find(COLUMNS, message));
            default -> byPrimaryCode(code.code & 0xFF);
        };
    }

    private static SqlFailure byPrimaryCode(int primary) {
        return switch (primary) {
            case 5, 6 -> SqlFailure.of(Kind.BUSY);                 // SQLITE_BUSY, SQLITE_LOCKED
            case 9 -> SqlFailure.of(Kind.TIMEOUT);                 // SQLITE_INTERRUPT
            case 8, 10, 11, 13, 14, 26 -> SqlFailure.of(Kind.STORAGE); // READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB
            case 19 -> SqlFailure.of(Kind.CHECK_VIOLATION);        // other SQLITE_CONSTRAINT
            default -> SqlFailure.of(Kind.OTHER);
        };
    }

    private static String find(Pattern pattern, String message) {
        Matcher m = pattern.matcher(message);
        return m.find() ? m.group(1).trim() : null;
    }
}
