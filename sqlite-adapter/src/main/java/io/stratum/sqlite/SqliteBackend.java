package io.stratum.sqlite;

import io.stratum.PoolSettings;
import io.stratum.TransactionOptions;
import io.stratum.spi.AdoptedConnection;
import io.stratum.spi.Backend;
import io.stratum.spi.BackendConnection;
import io.stratum.spi.PooledConnection;
import io.stratum.spi.SqlFailure;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.jooq.Index;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * SQLite: an embedded file (WAL, synchronous=NORMAL, foreign keys on, busy timeout) or a private
 * in-memory database. SQLite has one writer at a time, so write transactions start with
 * {@code BEGIN IMMEDIATE} and, within this JVM, queue on a {@link FileWriteGate} instead of on SQLite's
 * busy handler.
 */
public final class SqliteBackend implements Backend {
    static final int MIGRATION_BUSY_TIMEOUT_MS = 120_000;

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public boolean handles(String jdbcUrl) {
        return jdbcUrl.startsWith(SqliteLocation.PREFIX);
    }

    @Override
    public SQLDialect dialect() {
        return SQLDialect.SQLITE;
    }

    @Override
    public BackendConnection connect(String jdbcUrl, PoolSettings pool, Map<String, String> driverProperties) {
        SqliteLocation location = SqliteLocation.parse(jdbcUrl);
        DataSource driver = SqliteConnections.dataSource(location, driverProperties);
        if (location.inMemory()) {
            // One connection holds the whole database: closing it would drop the data, so it is never retired.
            PoolSettings single =
                    new PoolSettings(1, 1, java.time.Duration.ZERO, java.time.Duration.ZERO, pool.acquireTimeout());
            return PooledConnection.open("stratum-sqlite-memory", driver, single, FileWriteGate.forMemory());
        }
        return PooledConnection.open("stratum-sqlite", driver, pool, FileWriteGate.forFile(location.path()));
    }

    /**
     * Stratum's per-connection settings (foreign keys, busy timeout) are applied to every connection it takes from
     * {@code dataSource}, and the database file is switched to WAL; a DataSource on which they cannot hold is
     * refused with {@link io.stratum.InvalidInput} naming the setting.
     */
    @Override
    public BackendConnection adopt(DataSource dataSource) {
        return new AdoptedConnection(AdoptedDataSource.adopt(dataSource), FileWriteGate.forMemory());
    }

    /**
     * Writers take the write lock up front: a deferred transaction that reads and then writes fails with
     * SQLITE_BUSY_SNAPSHOT when another connection wrote in between, which no busy handler resolves. Readers start
     * deferred and, in WAL mode, read a snapshot without blocking writers. SQLite transactions are serializable
     * whatever isolation is asked for.
     */
    @Override
    public String beginStatement(TransactionOptions options) {
        return ExplicitTransactions.begin(options.readOnly());
    }

    @Override
    public SqlFailure classify(SQLException exception) {
        return SqliteErrors.classify(exception);
    }

    /**
     * Migrations of one database file run one at a time across processes, under a {@link MigrationLock} held until
     * the returned session closes (an in-memory database is private to its store and needs none). While it waits
     * for that lock, and then for the write lock of other work on the file, a migration waits up to
     * {@value #MIGRATION_BUSY_TIMEOUT_MS} ms instead of the normal busy timeout.
     */
    @Override
    public MigrationSession prepareForMigration(Connection connection) throws SQLException {
        Path file = databaseFile(connection);
        MigrationLock lock =
                file == null ? null : MigrationLock.acquire(file, Duration.ofMillis(MIGRATION_BUSY_TIMEOUT_MS));
        int normal;
        try {
            normal = busyTimeout(connection);
            setBusyTimeout(connection, MIGRATION_BUSY_TIMEOUT_MS);
        } catch (SQLException | RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
        return () -> {
            try {
                setBusyTimeout(connection, normal);
            } finally {
                if (lock != null) {
                    lock.close();
                }
            }
        };
    }

    /** The file of the connection's main database, or null for an in-memory or temporary one. */
    static Path databaseFile(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA database_list")) {
            while (rs.next()) {
                if (rs.getString("name").equals("main")) {
                    String file = rs.getString("file");
                    return file == null || file.isEmpty() ? null : Path.of(file);
                }
            }
        }
        return null;
    }

    static int busyTimeout(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA busy_timeout")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static void setBusyTimeout(Connection connection, int millis) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + millis);
        }
    }

    @Override
    public boolean supportsSkipLocked() {
        return false;
    }

    /** Write transactions are serialised ({@code BEGIN IMMEDIATE} and the {@link FileWriteGate}) instead. */
    @Override
    public boolean supportsRowLocks() {
        return false;
    }

    /**
     * {@code INDEXED BY}: SQLite's planner prefers the full index on {@code status} (plus a sort) to the
     * partial indexes that return ready tasks in claim order and expired leases in expiry order, for the
     * claim index even after {@code ANALYZE}.
     */
    @Override
    public Table<?> readThrough(Index index) {
        return DSL.table("{0} indexed by {1}", index.getTable(), index.getUnqualifiedName());
    }
}
