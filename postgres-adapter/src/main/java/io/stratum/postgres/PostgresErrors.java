package io.stratum.postgres;

import io.stratum.spi.SqlFailure;
import io.stratum.spi.SqlFailure.Kind;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Classification of PostgreSQL errors by SQLState (Appendix A of the PostgreSQL manual). */
final class PostgresErrors {
    private PostgresErrors() {}

    static SqlFailure classify(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String constraint = constraintOf(e);
        return switch (state) {
            case "23514" -> new SqlFailure(Kind.CHECK_VIOLATION, constraint);
            case "23503" -> new SqlFailure(Kind.FOREIGN_KEY_VIOLATION, constraint);
            case "23505" -> new SqlFailure(Kind.UNIQUE_VIOLATION, constraint);
            case "23502" -> new SqlFailure(Kind.NOT_NULL_VIOLATION, columnOf(e));
            case "40001" -> SqlFailure.of(Kind.SERIALIZATION_FAILURE);
            case "40P01" -> SqlFailure.of(Kind.DEADLOCK);
            case "55P03" -> SqlFailure.of(Kind.BUSY); // lock_not_available
            case "57014" -> SqlFailure.of(Kind.TIMEOUT); // query_canceled (statement_timeout)
            case "57P01", "57P02", "57P03" -> SqlFailure.of(Kind.CONNECTION); // shutdown, crash, cannot connect now
            case "25006", "53100" -> SqlFailure.of(Kind.STORAGE); // read-only transaction, disk full
            // invalid_password, invalid_authorization_specification (no such role, NOLOGIN, no pg_hba.conf entry),
            // invalid_catalog_name (no such database); pgjdbc's connection_rejected: the server cannot meet the
            // URL's sslmode, gssEncMode or channelBinding, or it wants a password the URL does not give.
            case "28P01", "28000", "3D000", "08004" -> SqlFailure.of(Kind.CONFIGURATION);
            default -> byClass(state, e);
        };
    }

    private static SqlFailure byClass(String state, SQLException e) {
        if (state.equals("08001") && "No suitable driver".equals(e.getMessage())) {
            // DriverManager's answer when pgjdbc, which this module brings, declines a jdbc:postgresql: URL it cannot
            // parse (a port that is no number, say): nothing was sent to a server.
            return SqlFailure.of(Kind.INVALID_URL);
        }
        if (state.startsWith("08")) {
            return SqlFailure.of(Kind.CONNECTION);
        }
        if (e instanceof SQLTransientConnectionException) {
            return SqlFailure.of(Kind.TIMEOUT); // pool acquisition timed out while the server was reachable
        }
        return SqlFailure.of(Kind.OTHER);
    }

    private static String constraintOf(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        return server == null ? null : server.getConstraint();
    }

    private static String columnOf(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        return server == null || server.getColumn() == null ? null : server.getTable() + "." + server.getColumn();
    }
}
