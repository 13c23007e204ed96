package io.stratum.sqlite;

import io.stratum.InvalidInput;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Driver-level connection settings applied to every connection the pool opens, and how transactions begin. */
final class SqliteConnections {
    /** Milliseconds a connection waits on another process's lock before SQLITE_BUSY. */
    static final int DEFAULT_BUSY_TIMEOUT_MS = 5_000;

    private SqliteConnections() {}

    static DataSource dataSource(SqliteLocation location, Map<String, String> overrides) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(DEFAULT_BUSY_TIMEOUT_MS);
        if (!location.inMemory()) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        }
        java.util.Properties properties = config.toProperties();
        overrides.forEach((key, value) -> {
            if (key.equals("foreign_keys") && !Boolean.parseBoolean(value)) {
                throw new InvalidInput(
                        "driverProperty.foreign_keys", "Stratum relies on foreign keys; they cannot be switched off");
            }
            properties.setProperty(key, value);
        });
        SQLiteDataSource driver = new SQLiteDataSource(new SQLiteConfig(properties));
        driver.setUrl(location.url());
        return new ExplicitTransactionDataSource(driver);
    }

    /**
     * The settings of {@link #dataSource} that belong to a connection, applied to one Stratum did not open (from a
     * pool the application adopted): foreign keys on, and the busy timeout raised to the default if it is shorter.
     */
    static void applyPerConnectionSettings(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
        }
        if (SqliteBackend.busyTimeout(connection) < DEFAULT_BUSY_TIMEOUT_MS) {
            SqliteBackend.setBusyTimeout(connection, DEFAULT_BUSY_TIMEOUT_MS);
        }
    }
}
