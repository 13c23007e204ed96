package io.stratum.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The pool the hand-written JDBC baseline runs on: HikariCP with the same size and the same driver settings
 * Stratum uses by default, so that the comparison is about the code on top of the connection, not the
 * connection. The driver properties are those Stratum's adapters set ({@code PgjdbcTuning} and
 * {@code ConnectorJTuning}, whose Javadoc says why each is set).
 */
final class JdbcConnections {
    static final int POOL_SIZE = 10;

    private JdbcConnections() {}

    static HikariDataSource open(BackendKind kind, String url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench-jdbc");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE / 2);
        switch (kind) {
            case SQLITE -> {
                SQLiteConfig sqlite = new SQLiteConfig();
                sqlite.enforceForeignKeys(true);
                sqlite.setBusyTimeout(5_000);
                sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
                sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
                sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
                SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
                dataSource.setUrl(url);
                config.setDataSource(dataSource);
            }
            case POSTGRESQL -> {
                config.setJdbcUrl(url);
                config.addDataSourceProperty("reWriteBatchedInserts", "true");
                config.addDataSourceProperty("prepareThreshold", "5");
                config.addDataSourceProperty("preparedStatementCacheQueries", "512");
                config.addDataSourceProperty("preparedStatementCacheSizeMiB", "8");
            }
            case MARIADB -> {
                config.setJdbcUrl(url);
                config.addDataSourceProperty("connectionTimeZone", "UTC");
                config.addDataSourceProperty("forceConnectionTimeZoneToSession", "true");
                config.addDataSourceProperty("transactionIsolation", "READ-COMMITTED");
                config.addDataSourceProperty("allowMultiQueries", "true");
                config.addDataSourceProperty("tcpKeepAlive", "true");
            }
        }
        return new HikariDataSource(config);
    }
}
