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
    private final ClaimShape shape;
    private final String sql;

    /**
     * @param hint what follows {@code FROM tasks} in the inner select (an index to read through)
     * @param lock what ends the inner select (a row lock clause)
     */
    UpdateReturningClaim(JdbcValues values, ClaimShape shape, String hint, String lock) {
        this.values = values;
        this.shape = shape;
        this.sql = "UPDATE " + shape.table() + " SET " + shape.setRunning() + " WHERE id IN (SELECT id FROM "
                + shape.table() + hint + " " + shape.readyInOrder() + lock + ") RETURNING " + shape.leaseColumns();
    }

    @Override
    public List<JdbcQueue.Lease> claim(
            Connection c, String worker, UUID token, int max, OffsetDateTime now, OffsetDateTime leaseExpiry)
            throws SQLException {
        List<JdbcQueue.Lease> leases = new ArrayList<>(max);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = shape.bindRunning(ps, values, worker, token, now, leaseExpiry);
            values.timestamp(ps, next, now);
            ps.setInt(next + 1, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    leases.add(shape.reader().read(values, rs, token));
                }
            }
        }
        return leases;
    }
}
