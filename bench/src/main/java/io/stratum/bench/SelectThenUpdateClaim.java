package io.stratum.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The claim where there is no {@code UPDATE ... RETURNING} (MariaDB): in one transaction, the ready rows in claim
 * order with {@code FOR UPDATE SKIP LOCKED}, then one {@code UPDATE ... WHERE id IN (...)} of those that were
 * found. Three round trips (select, update, commit) where PostgreSQL needs one.
 */
final class SelectThenUpdateClaim implements JdbcClaim {
    private final JdbcValues values;
    private final ClaimShape shape;
    private final String select;

    SelectThenUpdateClaim(JdbcValues values, ClaimShape shape) {
        this.values = values;
        this.shape = shape;
        this.select = "SELECT " + shape.leaseColumns() + " FROM " + shape.table() + " " + shape.readyInOrder()
                + " FOR UPDATE SKIP LOCKED";
    }

    @Override
    public List<JdbcQueue.Lease> claim(
            Connection c, String worker, UUID token, int max, OffsetDateTime now, OffsetDateTime leaseExpiry)
            throws SQLException {
        List<JdbcQueue.Lease> leases = new ArrayList<>(max);
        JdbcQueue.inTransaction(c, () -> {
            try (PreparedStatement ps = c.prepareStatement(select)) {
                values.timestamp(ps, 1, now);
                ps.setInt(2, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        leases.add(shape.reader().read(values, rs, token));
                    }
                }
            }
            if (!leases.isEmpty()) {
                markRunning(c, leases, worker, token, now, leaseExpiry);
            }
        });
        return leases;
    }

    private void markRunning(
            Connection c,
            List<JdbcQueue.Lease> leases,
            String worker,
            UUID token,
            OffsetDateTime now,
            OffsetDateTime leaseExpiry)
            throws SQLException {
        String ids = String.join(", ", Collections.nCopies(leases.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + shape.table() + " SET " + shape.setRunning() + " WHERE id IN (" + ids + ")")) {
            int next = shape.bindRunning(ps, values, worker, token, now, leaseExpiry);
            for (int i = 0; i < leases.size(); i++) {
                values.uuid(ps, next + i, leases.get(i).id());
            }
            ps.executeUpdate();
        }
    }
}
