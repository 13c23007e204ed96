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
    private static final String SELECT =
            "SELECT " + LEASE_COLUMNS + " FROM tasks " + READY_IN_ORDER + " FOR UPDATE SKIP LOCKED";

    private final JdbcValues values;

    SelectThenUpdateClaim(JdbcValues values) {
        this.values = values;
    }

    @Override
    public List<JdbcQueue.Lease> claim(
            Connection c, String worker, UUID token, int max, OffsetDateTime now, OffsetDateTime leaseExpiry)
            throws SQLException {
        List<JdbcQueue.Lease> leases = new ArrayList<>(max);
        JdbcQueue.inTransaction(c, () -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT)) {
                values.timestamp(ps, 1, now);
                ps.setInt(2, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        leases.add(JdbcClaim.lease(values, rs, token));
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
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE tasks SET " + SET_RUNNING + " WHERE id IN (" + ids + ")")) {
            ps.setString(1, worker);
            values.uuid(ps, 2, token);
            values.timestamp(ps, 3, leaseExpiry);
            values.timestamp(ps, 4, now);
            values.timestamp(ps, 5, now);
            for (int i = 0; i < leases.size(); i++) {
                values.uuid(ps, i + 6, leases.get(i).id());
            }
            ps.executeUpdate();
        }
    }
}
