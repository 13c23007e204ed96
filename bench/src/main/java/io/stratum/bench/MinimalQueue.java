package io.stratum.bench;

import io.stratum.task.TaskId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The physical limit of a durable queue on the backend: the hand-written claim and completion of {@link JdbcQueue}
 * on one narrow table ({@code id}, {@code status}, {@code priority}, {@code payload}, the lease's owner, token and
 * expiry, {@code run_after}, {@code created_at}, {@code updated_at}) with one index besides the primary key, the one
 * that serves the claim. No dependencies, audit, results or retries: a completion is one guarded {@code UPDATE}
 * (a batch of them for several), so what is left is the cost of the claim and of one durable status change per task.
 */
final class MinimalQueue extends HandWrittenQueue {
    static final String SYSTEM = "minimal";

    private static final ClaimShape SHAPE = new ClaimShape(
            "tasks",
            "ix_minimal_claim",
            "status = 'running', lease_owner = ?, lease_token = ?, lease_expires_at = ?, updated_at = ?",
            1,
            "WHERE status = 'ready' AND run_after <= ? ORDER BY priority DESC, created_at, id LIMIT ?",
            "id, payload",
            (values, rs, token) -> new JdbcQueue.Lease(values.readUuid(rs, 1), token, null, null, rs.getString(2), 0));
    private static final String INSERT = "INSERT INTO tasks (id, status, priority, payload, run_after, created_at,"
            + " updated_at) VALUES (?, 'ready', ?, ?, ?, ?, ?)";
    private static final String COMPLETE = "UPDATE tasks SET status = 'completed', lease_owner = NULL,"
            + " lease_token = NULL, lease_expires_at = NULL, updated_at = ?"
            + " WHERE id = ? AND lease_token = ? AND status = 'running'";

    /** The queue on the table at {@code url}, which {@link #create} made. */
    MinimalQueue(BackendKind kind, String url) {
        super(kind, url, SHAPE);
    }

    /** Creates the table and its claim index in the empty database at {@code url}, and the queue on it. */
    static MinimalQueue create(BackendKind kind, String url) throws SQLException {
        MinimalQueue queue = new MinimalQueue(kind, url);
        queue.writer.execute(ddl(kind));
        return queue;
    }

    /** A loader that fills the table through this queue. */
    static TaskLoader loader(BackendKind kind, String url) {
        return new TaskLoader(kind, url, () -> new MinimalQueue(kind, url));
    }

    /** The table in each backend's types for UUIDs and UTC timestamps (those {@link JdbcValues} binds). */
    private static String[] ddl(BackendKind kind) {
        String table = """
                CREATE TABLE tasks (
                  id %1$s PRIMARY KEY, status VARCHAR(16) NOT NULL, priority INT NOT NULL, payload TEXT,
                  lease_owner VARCHAR(100), lease_token %1$s, lease_expires_at %2$s,
                  run_after %2$s NOT NULL, created_at %2$s NOT NULL, updated_at %2$s NOT NULL)""";
        return switch (kind) {
            case SQLITE ->
                new String[] {
                    table.formatted("TEXT", "TEXT"),
                    "CREATE INDEX ix_minimal_claim ON tasks (priority DESC, created_at, id) WHERE status = 'ready'"
                };
            case POSTGRESQL ->
                new String[] {
                    table.formatted("UUID", "TIMESTAMPTZ"),
                    "CREATE INDEX ix_minimal_claim ON tasks (priority DESC, created_at, id) WHERE status = 'ready'"
                };
            // No partial indexes: the status leads, as in Stratum's claim index on MariaDB.
            case MARIADB ->
                new String[] {
                    table.formatted("UUID", "DATETIME(6)"),
                    "CREATE INDEX ix_minimal_claim ON tasks (status, priority DESC, created_at, id)"
                };
        };
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public void submit(BenchTask task) throws SQLException {
        submitAll(List.of(task));
    }

    @Override
    public void submitAll(List<BenchTask> tasks) throws SQLException {
        writer.write(c -> JdbcQueue.inTransaction(c, () -> {
            OffsetDateTime now = JdbcWriter.now();
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (BenchTask task : tasks) {
                    values.uuid(ps, 1, TaskId.generate().value());
                    ps.setInt(2, task.priority());
                    ps.setString(3, task.inputJson());
                    values.timestamp(ps, 4, now);
                    values.timestamp(ps, 5, now);
                    values.timestamp(ps, 6, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }));
    }

    /** One guarded {@code UPDATE} in auto-commit. */
    @Override
    public void complete(JdbcQueue.Lease lease) throws SQLException {
        writer.write(c -> update(c.prepareStatement(COMPLETE), List.of(lease)));
    }

    /** One JDBC batch of guarded updates in one transaction. */
    @Override
    public void completeAll(List<JdbcQueue.Lease> leases) throws SQLException {
        writer.write(c -> JdbcQueue.inTransaction(c, () -> update(c.prepareStatement(COMPLETE), leases)));
    }

    private void update(PreparedStatement statement, List<JdbcQueue.Lease> leases) throws SQLException {
        OffsetDateTime now = JdbcWriter.now();
        try (PreparedStatement ps = statement) {
            JdbcWriter.updateEach(ps, leases, (p, lease) -> {
                values.timestamp(p, 1, now);
                values.uuid(p, 2, lease.id());
                values.uuid(p, 3, lease.token());
            });
        }
    }
}
