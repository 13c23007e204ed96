package io.stratum.sqlite;

import io.stratum.InvalidInput;
import java.util.Map;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Driver-level connection settings applied to every connection the pool opens. */
final class SqliteConnections {
    /** Milliseconds a connection waits on another process's lock before SQLITE_BUSY. */
    static final int DEFAULT_BUSY_TIMEOUT_MS = 5_000;

    private SqliteConnections() {
    }

    static DataSource dataSource(SqliteLocation location, Map<String, String> overrides) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(DEFAULT_BUSY_TIMEOUT_MS);
        // Writers take the write lock when the transaction begins: a deferred transaction that reads first
        // and then writes can fail with SQLITE_BUSY_SNAPSHOT, which no busy handler can resolve.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        if (!location.inMemory()) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        }
        java.util.Properties properties = config.toProperties();
        overrides.forEach((key, value) -> {
            if (key.equals("foreign_keys") && !Boolean.parseBoolean(value)) {
                throw new InvalidInput("driverProperty.foreign_keys", "Stratum relies on foreign keys; they cannot be switched off");
            }
            properties.setProperty(key, value);
        });
        SQLiteDataSource dataSource = new SQLiteDataSource(new SQLiteConfig(properties));
        dataSource.setUrl(location.url());
        return dataSource;
    }
}
