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

    private SqliteErrors() {}

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
            default -> byPrimaryCode(code.code);
        };
    }

    private static SqlFailure byPrimaryCode(int extended) {
        return switch (extended & 0xFF) {
            case 5, 6 -> SqlFailure.of(Kind.BUSY); // SQLITE_BUSY, SQLITE_LOCKED
            case 9 -> SqlFailure.of(Kind.TIMEOUT); // SQLITE_INTERRUPT
            // SQLITE_READONLY (read-only file or connection, file moved or deleted since it was opened, ...) and
            // SQLITE_CANTOPEN: SQLite refuses before it changes the file.
            case 8, 14 -> SqlFailure.of(Kind.WRITE_REFUSED);
            case 10 -> ioError(extended);
            case 11, 13, 26 -> SqlFailure.of(Kind.STORAGE); // SQLITE_CORRUPT, SQLITE_FULL, SQLITE_NOTADB
            case 19 -> SqlFailure.of(Kind.CHECK_VIOLATION); // other SQLITE_CONSTRAINT
            default -> SqlFailure.of(Kind.OTHER);
        };
    }

    /**
     * SQLITE_IOERR: refused when the failing call reads, locks or maps the file, which SQLite does before it
     * writes anything; a failed write, sync, truncate or delete may have happened after the commit point.
     */
    private static SqlFailure ioError(int extended) {
        return switch (extended) {
            case 266,
                    522, // IOERR_READ, IOERR_SHORT_READ
                    1802,
                    3338, // IOERR_FSTAT, IOERR_ACCESS
                    2314,
                    3594,
                    3850, // IOERR_RDLOCK, IOERR_CHECKRESERVEDLOCK, IOERR_LOCK
                    3082, // IOERR_NOMEM
                    4618,
                    4874,
                    5130,
                    5386, // IOERR_SHMOPEN, IOERR_SHMSIZE, IOERR_SHMLOCK, IOERR_SHMMAP
                    6410,
                    6666 -> SqlFailure.of(Kind.WRITE_REFUSED); // IOERR_GETTEMPPATH, IOERR_CONVPATH
            default -> SqlFailure.of(Kind.STORAGE);
        };
    }

    private static String find(Pattern pattern, String message) {
        Matcher m = pattern.matcher(message);
        return m.find() ? m.group(1).trim() : null;
    }
}
