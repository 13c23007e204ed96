package io.stratum.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connections of a hand-written queue ({@link JdbcConnections}) and the way it writes through them: on SQLite
 * writes queue on one in-JVM lock, as any hand-written SQLite application with several writer threads must.
 */
final class JdbcWriter implements AutoCloseable {
    private final HikariDataSource pool;
    private final ReentrantLock writer;

    JdbcWriter(BackendKind kind, String url) {
        this.pool = JdbcConnections.open(kind, url);
        this.writer = kind == BackendKind.SQLITE ? new ReentrantLock(true) : null;
    }

    /** Work on one connection. */
    interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    /** Binds the parameters of one row's statement. */
    interface RowBinder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    /** Runs {@code work} on a connection of its own, holding the writer lock where there is one. */
    void write(SqlWork work) throws SQLException {
        if (writer != null) {
            writer.lock();
        }
        try (Connection c = pool.getConnection()) {
            work.run(c);
        } finally {
            if (writer != null) {
                writer.unlock();
            }
        }
    }

    /** Runs each statement of {@code ddl} once. */
    void execute(String... ddl) throws SQLException {
        write(c -> {
            try (Statement s = c.createStatement()) {
                for (String statement : ddl) {
                    s.execute(statement);
                }
            }
        });
    }

    /** Number of rows of {@code table} in {@code status}. */
    long count(String table, String status) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE status = ?")) {
            ps.setString(1, status);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Executes {@code ps} once per lease (one row as a plain update, several as one JDBC batch) and fails when one
     * updated nothing: its lease was lost.
     */
    static void updateEach(PreparedStatement ps, List<JdbcQueue.Lease> leases, RowBinder<JdbcQueue.Lease> binder)
            throws SQLException {
        if (leases.size() == 1) {
            binder.bind(ps, leases.getFirst());
            requireOne(ps.executeUpdate(), leases.getFirst());
            return;
        }
        for (JdbcQueue.Lease lease : leases) {
            binder.bind(ps, lease);
            ps.addBatch();
        }
        int[] counts = ps.executeBatch();
        for (int i = 0; i < counts.length; i++) {
            requireOne(counts[i], leases.get(i));
        }
    }

    private static void requireOne(int updated, JdbcQueue.Lease lease) {
        // pgjdbc reports SUCCESS_NO_INFO (-2) for batched statements it rewrote; only 0 means a lost lease.
        if (updated == 0) {
            throw new IllegalStateException("lease lost for task " + lease.id());
        }
    }

    /** Now in UTC, to the microsecond every backend stores. */
    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public void close() {
        pool.close();
    }
}
