package io.stratum.sqlite;

import io.stratum.InvalidInput;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A SQLite DataSource the application owns, as Stratum uses it: every connection Stratum takes from it gets
 * {@code foreign_keys=ON} and a busy timeout of at least {@value SqliteConnections#DEFAULT_BUSY_TIMEOUT_MS} ms
 * (a longer one the application chose is kept), since both are settings of a connection, not of the database.
 * WAL is a setting of the database file: it is switched on once, when the DataSource is adopted. The pool's
 * {@code synchronous} setting is left as the application chose it.
 */
final class AdoptedDataSource extends WrappingDataSource {
    private AdoptedDataSource(DataSource application) {
        super(application);
    }

    /**
     * Checks that Stratum's settings hold on {@code application}'s connections and switches its database file to
     * WAL.
     *
     * @throws InvalidInput naming the setting that cannot be applied
     */
    static AdoptedDataSource adopt(DataSource application) {
        AdoptedDataSource adopted = new AdoptedDataSource(application);
        try (Connection c = adopted.getConnection()) {
            if (!c.getAutoCommit()) {
                throw new InvalidInput(
                        "dataSource",
                        "its connections are not in auto-commit mode, so foreign_keys "
                                + "cannot be switched on (SQLite ignores it inside a transaction) and Stratum cannot begin "
                                + "its own transactions; configure the pool with autoCommit=true");
            }
            if (!foreignKeysOn(c)) {
                throw new InvalidInput("dataSource", "foreign_keys cannot be switched on on its connections");
            }
            if (SqliteBackend.databaseFile(c) != null && !walOn(c)) {
                throw new InvalidInput(
                        "dataSource",
                        "journal_mode cannot be set to WAL on its database file (it is " + journalMode(c) + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the SQLite settings of the DataSource", e);
        }
        return adopted;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return configured(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return configured(target.getConnection(username, password));
    }

    private static Connection configured(Connection connection) throws SQLException {
        try {
            SqliteConnections.applyPerConnectionSettings(connection);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static boolean foreignKeysOn(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA foreign_keys")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    private static String journalMode(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            return rs.next() ? rs.getString(1) : "unknown";
        }
    }

    private static boolean walOn(Connection c) throws SQLException {
        if (journalMode(c).equalsIgnoreCase("wal")) {
            return true;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
            return rs.next() && rs.getString(1).equalsIgnoreCase("wal");
        }
    }
}
