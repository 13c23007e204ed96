package io.stratum.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * How the hand-written baseline claims up to {@code max} ready tasks in claim order (priority, submission, id):
 * one {@code UPDATE ... RETURNING} where the database has it, else a locking {@code SELECT} and an
 * {@code UPDATE} in one transaction.
 */
interface JdbcClaim {
    /** The claimable tasks in claim order, at most as many as the second parameter; the first is now. */
    String READY_IN_ORDER =
            "WHERE status = 'ready' AND run_after <= ? ORDER BY calculated_priority DESC, submitted_at, id"
                    + " LIMIT ?";

    /** The columns a {@link JdbcQueue.Lease} is made of, in the order {@link #lease} reads them. */
    String LEASE_COLUMNS = "id, summary, agent_type, input_data, retry_count";

    /** What a claim sets; its parameters are the worker, the lease token, the lease expiry, and now twice. */
    String SET_RUNNING = "status = 'running', lease_owner = ?, lease_token = ?, lease_expires_at = ?, started_at = ?,"
            + " last_updated_at = ?, version = version + 1";

    List<JdbcQueue.Lease> claim(
            Connection c, String worker, UUID token, int max, OffsetDateTime now, OffsetDateTime leaseExpiry)
            throws SQLException;

    static JdbcClaim of(BackendKind kind, JdbcValues values) {
        return switch (kind) {
            // SQLite's planner picks the index on status and sorts, unless told to read the claim index in order.
            case SQLITE -> new UpdateReturningClaim(values, " INDEXED BY ix_tasks_claim", "");
            case POSTGRESQL -> new UpdateReturningClaim(values, "", " FOR UPDATE SKIP LOCKED");
            case MARIADB -> new SelectThenUpdateClaim(values);
        };
    }

    /** The lease of the row {@code rs} is on, whose first columns are {@link #LEASE_COLUMNS}. */
    static JdbcQueue.Lease lease(JdbcValues values, ResultSet rs, UUID token) throws SQLException {
        return new JdbcQueue.Lease(
                values.readUuid(rs, 1), token, rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5));
    }
}
