package io.stratum.mariadb;

import io.stratum.PoolSettings;
import io.stratum.TransactionOptions;
import io.stratum.spi.AdoptedConnection;
import io.stratum.spi.Backend;
import io.stratum.spi.BackendConnection;
import io.stratum.spi.PooledConnection;
import io.stratum.spi.SqlFailure;
import io.stratum.spi.WriteGate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.jooq.SQLDialect;

/**
 * MariaDB 10.11+ through MariaDB Connector/J and HikariCP. InnoDB's row locks let writers run concurrently, so there
 * is no in-process write gate, and claims use {@code FOR UPDATE SKIP LOCKED}. MariaDB has no
 * {@code UPDATE ... RETURNING}: a claim updates the tasks its {@code SKIP LOCKED} selection picks (one
 * {@code UPDATE} joined to that selection) and reads them back by the new lease token, in one transaction.
 * Only {@code jdbc:mariadb:} URLs are served ({@code jdbc:mysql:} and MySQL servers are untested).
 */
public final class MariaDbBackend implements Backend {
    /** Name of the user-level lock taken while migrating. */
    static final String MIGRATION_LOCK = "stratum_migrate";

    /** How long a migration waits for another process's migration, in seconds. */
    static final int MIGRATION_LOCK_TIMEOUT_SECONDS = 3600;

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public boolean handles(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:mariadb:");
    }

    @Override
    public SQLDialect dialect() {
        return SQLDialect.MARIADB;
    }

    @Override
    public BackendConnection connect(String jdbcUrl, PoolSettings pool, Map<String, String> driverProperties) {
        Properties properties = ConnectorJTuning.defaults();
        driverProperties.forEach(properties::setProperty);
        return PooledConnection.open("stratum-mariadb", jdbcUrl, properties, pool, WriteGate.CONCURRENT);
    }

    /**
     * The application's DataSource must give connections in auto-commit mode (checked here: {@link AdoptedConnection#inAutoCommit}).
     * It needs no {@code allowMultiQueries}, and its sessions' {@code time_zone} does not matter: timestamps are
     * bound and read as UTC date-times, never converted by the driver or the server. Its transaction isolation
     * should be READ COMMITTED ({@code transactionIsolation=READ-COMMITTED}), as on pools Stratum opens: at
     * InnoDB's default REPEATABLE READ, gap locks make concurrent claims and submits deadlock (and be retried) more
     * often.
     *
     * @throws io.stratum.InvalidInput naming the setting the DataSource's connections lack
     */
    @Override
    public BackendConnection adopt(DataSource dataSource) {
        return AdoptedConnection.inAutoCommit(dataSource, WriteGate.CONCURRENT);
    }

    /**
     * MariaDB's START TRANSACTION takes no isolation level: {@code SET TRANSACTION ISOLATION LEVEL} (which applies
     * to the next transaction only) goes first, as an execution of its own, so that a DataSource without
     * {@code allowMultiQueries} works too. Default options take the session's isolation (READ COMMITTED on pools
     * Stratum opens) with a plain {@code START TRANSACTION}: the connection stays in auto-commit mode, where leaving
     * the transaction to the driver would cost two {@code SET autocommit} round trips around it.
     */
    @Override
    public List<String> beginStatements(TransactionOptions options) {
        if (options.equals(TransactionOptions.DEFAULT)) {
            return List.of("START TRANSACTION");
        }
        return List.of(
                "SET TRANSACTION ISOLATION LEVEL " + options.isolation().sql(),
                "START TRANSACTION " + (options.readOnly() ? "READ ONLY" : "READ WRITE"));
    }

    /**
     * Liquibase's own lock table cannot protect its creation: two processes migrating a fresh database at once
     * can both try to create {@code databasechangelog}. A named lock ({@code GET_LOCK}), held by the migration's
     * connection until it finishes, makes concurrent migrations take turns.
     */
    @Override
    public MigrationSession prepareForMigration(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT GET_LOCK('" + MIGRATION_LOCK + "', " + MIGRATION_LOCK_TIMEOUT_SECONDS + ")")) {
            if (!rs.next() || rs.getInt(1) != 1) {
                throw new SQLException(
                        "another migration held the lock '" + MIGRATION_LOCK + "' for " + MIGRATION_LOCK_TIMEOUT_SECONDS
                                + " s",
                        "HY000",
                        1205);
            }
        }
        return () -> {
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT RELEASE_LOCK('" + MIGRATION_LOCK + "')");
            }
        };
    }

    @Override
    public SqlFailure classify(SQLException exception) {
        return MariaDbErrors.classify(exception);
    }

    @Override
    public boolean supportsSkipLocked() {
        return true;
    }

    @Override
    public boolean supportsRowLocks() {
        return true;
    }

    @Override
    public boolean supportsUpdateReturning() {
        return false;
    }

    /** jOOQ writes {@code ON CONFLICT DO NOTHING} as {@code INSERT IGNORE}, which would store truncated values. */
    @Override
    public boolean supportsOnConflictDoNothing() {
        return false;
    }
}
