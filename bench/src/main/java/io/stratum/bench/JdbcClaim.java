package io.stratum.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How the hand-written queues claim up to {@code max} ready tasks in claim order: one {@code UPDATE ... RETURNING}
 * where the database has it, else a locking {@code SELECT} and an {@code UPDATE} in one transaction; on the table
 * a {@link ClaimShape} describes.
 */
interface JdbcClaim {

    List<JdbcQueue.Lease> claim(
            Connection c, String worker, UUID token, int max, OffsetDateTime now, OffsetDateTime leaseExpiry)
            throws SQLException;

    /** Claims through {@code writer}, with a new lease token, now and a lease of {@code lease} from now. */
    default List<JdbcQueue.Lease> claim(JdbcWriter writer, String worker, int max, Duration lease) throws SQLException {
        List<JdbcQueue.Lease> leases = new ArrayList<>(max);
        writer.write(c -> {
            OffsetDateTime now = JdbcWriter.now();
            leases.addAll(claim(c, worker, UUID.randomUUID(), max, now, now.plus(lease)));
        });
        return leases;
    }

    static JdbcClaim of(BackendKind kind, JdbcValues values, ClaimShape shape) {
        return switch (kind) {
            // SQLite's planner picks an index on status and sorts, unless told to read the claim index in order.
            case SQLITE -> new UpdateReturningClaim(values, shape, " INDEXED BY " + shape.claimIndex(), "");
            case POSTGRESQL -> new UpdateReturningClaim(values, shape, "", " FOR UPDATE SKIP LOCKED");
            case MARIADB -> new SelectThenUpdateClaim(values, shape);
        };
    }
}
