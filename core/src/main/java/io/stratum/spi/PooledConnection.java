package io.stratum.spi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.stratum.PoolSettings;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * A {@link BackendConnection} over a HikariCP pool that Stratum owns. Adapters describe how to reach their
 * database (a URL plus driver properties, or a ready DataSource with per-connection set-up) and leave
 * pooling to this class, so that pool settings mean the same on every backend.
 */
public final class PooledConnection implements BackendConnection {
    private final HikariDataSource pool;
    private final WriteGate gate;

    private PooledConnection(HikariConfig config, WriteGate gate) {
        this.pool = new HikariDataSource(config);
        this.gate = gate;
    }

    /** A pool on a driver {@link DataSource} that already carries the adapter's connection settings. */
    public static PooledConnection open(
            String poolName, DataSource driverDataSource, PoolSettings settings, WriteGate gate) {
        HikariConfig config = baseConfig(poolName, settings);
        config.setDataSource(driverDataSource);
        return new PooledConnection(config, gate);
    }

    /** A pool on a JDBC URL with driver properties. */
    public static PooledConnection open(
            String poolName, String jdbcUrl, Properties driverProperties, PoolSettings settings, WriteGate gate) {
        HikariConfig config = baseConfig(poolName, settings);
        config.setJdbcUrl(jdbcUrl);
        config.setDataSourceProperties(driverProperties);
        return new PooledConnection(config, gate);
    }

    private static HikariConfig baseConfig(String poolName, PoolSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setMaximumPoolSize(settings.maxSize());
        config.setMinimumIdle(settings.minIdle());
        config.setIdleTimeout(settings.idleTimeout().toMillis());
        config.setMaxLifetime(settings.maxLifetime().toMillis());
        config.setConnectionTimeout(settings.acquireTimeout().toMillis());
        config.setAutoCommit(true);
        return config;
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public WriteGate writeGate() {
        return gate;
    }

    @Override
    public void close() {
        pool.close();
    }
}
