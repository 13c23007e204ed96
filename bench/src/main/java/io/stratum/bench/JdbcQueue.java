package io.stratum.bench;

import io.stratum.task.TaskId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The baseline: the task queue as a careful engineer writes it by hand on plain PreparedStatements, on
 * Stratum's schema and with Stratum's semantics (leases, a token per claim, dependents promoted when their
 * last dependency completes), one statement per step and no ORM or query builder; the claim is a
 * {@link JdbcClaim}, the writes go through a {@link JdbcWriter}.
 */
final class JdbcQueue extends HandWrittenQueue {
    private static final String COMPLETE = """
            UPDATE tasks SET status = 'completed', result_data = %s, completed_at = ?, last_updated_at = ?,
                   lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL, version = version + 1
            WHERE id = ? AND lease_token = ? AND status = 'running'""";
    private static final String PROMOTE_TEMPLATE = """
            UPDATE tasks SET status = 'ready', last_updated_at = ?, version = version + 1
            WHERE status = 'pending'
              AND id IN (SELECT task_id FROM task_dependencies WHERE depends_on_id IN (%s))
              AND NOT EXISTS (SELECT 1 FROM task_dependencies d JOIN tasks p ON p.id = d.depends_on_id
                              WHERE d.task_id = tasks.id AND p.status <> 'completed')""";
    private static final String RESULT = "{\"ok\":true}";

    /** A claimed task: its id, the token that proves the claim, and what a worker needs to run it. */
    record Lease(UUID id, UUID token, String summary, String agentType, String inputJson, int retryCount) {}

    private final String insert;
    private final String complete;

    JdbcQueue(BackendKind kind, String url) {
        super(kind, url, ClaimShape.STRATUM);
        this.insert = """
                INSERT INTO tasks (id, summary, description, agent_type, priority, calculated_priority, status,
                                   input_data, submitted_at, last_updated_at, source, run_after)
                VALUES (?, ?, '', ?, ?, ?, 'ready', %s, ?, ?, 'human', ?)""".formatted(values.jsonParameter());
        this.complete = COMPLETE.formatted(values.jsonParameter());
    }

    @Override
    public String system() {
        return "jdbc";
    }

    @Override
    public void submit(BenchTask task) throws SQLException {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                bindInsert(ps, task, now());
                ps.executeUpdate();
            }
        });
    }

    @Override
    public void submitAll(List<BenchTask> tasks) throws SQLException {
        write(c -> inTransaction(c, () -> {
            OffsetDateTime now = now();
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                for (BenchTask task : tasks) {
                    bindInsert(ps, task, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }));
    }

    private void bindInsert(PreparedStatement ps, BenchTask task, OffsetDateTime now) throws SQLException {
        values.uuid(ps, 1, TaskId.generate().value());
        ps.setString(2, task.summary());
        ps.setString(3, task.agentType());
        ps.setInt(4, task.priority());
        ps.setDouble(5, task.priority());
        ps.setString(6, task.inputJson());
        values.timestamp(ps, 7, now);
        values.timestamp(ps, 8, now);
        values.timestamp(ps, 9, now);
    }

    @Override
    public void complete(Lease lease) throws SQLException {
        completeAll(List.of(lease));
    }

    @Override
    public void completeAll(List<Lease> leases) throws SQLException {
        write(c -> inTransaction(c, () -> {
            OffsetDateTime now = now();
            try (PreparedStatement ps = c.prepareStatement(complete)) {
                JdbcWriter.updateEach(ps, leases, (statement, lease) -> {
                    statement.setString(1, RESULT);
                    values.timestamp(statement, 2, now);
                    values.timestamp(statement, 3, now);
                    values.uuid(statement, 4, lease.id());
                    values.uuid(statement, 5, lease.token());
                });
            }
            String promote = PROMOTE_TEMPLATE.formatted(String.join(", ", Collections.nCopies(leases.size(), "?")));
            try (PreparedStatement ps = c.prepareStatement(promote)) {
                values.timestamp(ps, 1, now);
                for (int i = 0; i < leases.size(); i++) {
                    values.uuid(ps, i + 2, leases.get(i).id());
                }
                ps.executeUpdate();
            }
        }));
    }

    private static OffsetDateTime now() {
        return JdbcWriter.now();
    }

    private void write(JdbcWriter.SqlWork work) throws SQLException {
        writer.write(work);
    }

    interface SqlBlock {
        void run() throws SQLException;
    }

    static void inTransaction(Connection c, SqlBlock block) throws SQLException {
        c.setAutoCommit(false);
        try {
            block.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
