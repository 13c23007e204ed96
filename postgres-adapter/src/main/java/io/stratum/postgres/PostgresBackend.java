package io.stratum.postgres;

import io.stratum.PoolSettings;
import io.stratum.spi.AdoptedConnection;
import io.stratum.spi.Backend;
import io.stratum.spi.BackendConnection;
import io.stratum.spi.NotificationChannel;
import io.stratum.spi.PooledConnection;
import io.stratum.spi.SqlFailure;
import io.stratum.spi.WriteGate;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.jooq.SQLDialect;

/**
 * PostgreSQL through pgjdbc and HikariCP. Row-level locks let writers run concurrently, so there is no
 * in-process write gate, and claims use {@code FOR UPDATE SKIP LOCKED}.
 */
public final class PostgresBackend implements Backend {
    /** Advisory lock key taken while migrating: the ASCII of "stratum" read as a number. */
    static final long MIGRATION_LOCK_KEY = 0x73747261_74756dL;

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean handles(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public SQLDialect dialect() {
        return SQLDialect.POSTGRES;
    }

    /** pgjdbc's {@code currentSchema} sets the search path of every connection: Stratum's schema, then public. */
    @Override
    public Map<String, String> schemaDriverProperties(String schema) {
        return Map.of("currentSchema", schema + ",public");
    }

    @Override
    public BackendConnection connect(String jdbcUrl, PoolSettings pool, Map<String, String> driverProperties) {
        return PooledConnection.open(
                "stratum-postgres", jdbcUrl, properties(driverProperties), pool, WriteGate.CONCURRENT);
    }

    /** The tuned defaults, overridden by {@code driverProperties}. */
    static Properties properties(Map<String, String> driverProperties) {
        Properties properties = PgjdbcTuning.defaults();
        driverProperties.forEach(properties::setProperty);
        return properties;
    }

    /** {@code LISTEN}/{@code NOTIFY}: a transaction that makes tasks claimable notifies every listening store. */
    @Override
    public Optional<NotificationChannel> notifications() {
        return Optional.of(new PostgresNotifications());
    }

    /**
     * The application's DataSource must give connections in auto-commit mode (checked here: {@link AdoptedConnection#inAutoCommit}); timestamps are
     * {@code timestamp with time zone}, so the session's {@code TimeZone} does not matter.
     *
     * @throws io.stratum.InvalidInput naming the setting the DataSource's connections lack
     */
    @Override
    public BackendConnection adopt(DataSource dataSource) {
        return AdoptedConnection.inAutoCommit(dataSource, WriteGate.CONCURRENT);
    }

    /**
     * Liquibase's own lock table cannot protect its creation: two processes migrating a fresh database at once
     * can both try to create {@code databasechangelog}. A session-level advisory lock, held on the migration's
     * connection until it finishes, makes concurrent migrations take turns.
     */
    @Override
    public MigrationSession prepareForMigration(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK_KEY + ")");
        }
        return () -> {
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK_KEY + ")");
            }
        };
    }

    @Override
    public SqlFailure classify(SQLException exception) {
        return PostgresErrors.classify(exception);
    }

    @Override
    public boolean supportsSkipLocked() {
        return true;
    }

    @Override
    public boolean supportsWritesInWith() {
        return true;
    }

    @Override
    public boolean supportsRowLocks() {
        return true;
    }
}
