package io.stratum.bench;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The table a hand-written claim runs on, as the pieces of SQL a {@link JdbcClaim} is assembled from, so that the
 * same claim statements serve Stratum's schema ({@link #STRATUM}) and the narrow table of {@link MinimalQueue}.
 *
 * @param claimIndex the index that serves the claim in claim order (read through it where the planner must be told)
 * @param setRunning what a claim sets; its parameters are the worker, the lease token, the lease expiry, then now
 *     {@code nowsInSet} times
 * @param readyInOrder the claimable rows in claim order, at most as many as its second parameter; the first is now
 * @param leaseColumns the columns {@link #reader} reads, id first
 */
record ClaimShape(
        String table,
        String claimIndex,
        String setRunning,
        int nowsInSet,
        String readyInOrder,
        String leaseColumns,
        LeaseReader reader) {

    /** Stratum's {@code tasks} table, as the baseline {@link JdbcQueue} uses it. */
    static final ClaimShape STRATUM = new ClaimShape(
            "tasks",
            "ix_tasks_claim",
            "status = 'running', lease_owner = ?, lease_token = ?, lease_expires_at = ?, started_at = ?,"
                    + " last_updated_at = ?, version = version + 1",
            2,
            "WHERE status = 'ready' AND run_after <= ? ORDER BY calculated_priority DESC, submitted_at, id LIMIT ?",
            "id, summary, agent_type, input_data, retry_count",
            (values, rs, token) -> new JdbcQueue.Lease(
                    values.readUuid(rs, 1), token, rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));

    /** Reads the lease of the row {@code rs} is on, whose first columns are {@link #leaseColumns}. */
    @FunctionalInterface
    interface LeaseReader {
        JdbcQueue.Lease read(JdbcValues values, ResultSet rs, UUID token) throws SQLException;
    }

    /** Binds {@link #setRunning}'s parameters from index 1; returns the next free index. */
    int bindRunning(
            PreparedStatement ps,
            JdbcValues values,
            String worker,
            UUID token,
            OffsetDateTime now,
            OffsetDateTime leaseExpiry)
            throws SQLException {
        ps.setString(1, worker);
        values.uuid(ps, 2, token);
        values.timestamp(ps, 3, leaseExpiry);
        for (int i = 0; i < nowsInSet; i++) {
            values.timestamp(ps, 4 + i, now);
        }
        return 4 + nowsInSet;
    }
}
