package io.stratum.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The claim as one statement in auto-commit: {@code UPDATE ... WHERE id IN (SELECT ... LIMIT n [lock]) RETURNING
 * ...} (PostgreSQL, SQLite).
 */
final class UpdateReturningClaim implements JdbcClaim {
    private final JdbcValues values;
    private final String sql;

    /**
     * @param hint what follows {@code FROM tasks} in the inner select (an index to read through)
     * @param lock what ends the inner select (a row lock clause)
     */
    UpdateReturningClaim(JdbcValues values, String hint, String lock) {
        this.values = values;
        this.sql = "UPDATE tasks SET " + SET_RUNNING + " WHERE id IN (SELECT id FROM tasks" + hint + " "
                + READY_IN_ORDER + lock + ") RETURNING " + LEASE_COLUMNS;
    }

    @Override
    public List<JdbcQueue.Lease> claim(
            Connection c, String worker, UUID token, int max, OffsetDateTime now, OffsetDateTime leaseExpiry)
            throws SQLException {
        List<JdbcQueue.Lease> leases = new ArrayList<>(max);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, worker);
            values.uuid(ps, 2, token);
            values.timestamp(ps, 3, leaseExpiry);
            values.timestamp(ps, 4, now);
            values.timestamp(ps, 5, now);
            values.timestamp(ps, 6, now);
            ps.setInt(7, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    leases.add(JdbcClaim.lease(values, rs, token));
                }
            }
        }
        return leases;
    }
}
