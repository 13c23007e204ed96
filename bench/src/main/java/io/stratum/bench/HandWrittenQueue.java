package io.stratum.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * What the hand-written queues share: the connections and writer lock ({@link JdbcWriter}), the binding of the
 * backend's types ({@link JdbcValues}), the claim on the table a {@link ClaimShape} describes, and the count of
 * tasks by status. Subclasses write their inserts and completions.
 */
abstract class HandWrittenQueue implements QueueClient<JdbcQueue.Lease> {
    protected final JdbcWriter writer;
    protected final JdbcValues values;
    private final JdbcClaim claim;
    private final String table;

    HandWrittenQueue(BackendKind kind, String url, ClaimShape shape) {
        this.writer = new JdbcWriter(kind, url);
        this.values = JdbcValues.of(kind);
        this.claim = JdbcClaim.of(kind, values, shape);
        this.table = shape.table();
    }

    @Override
    public List<JdbcQueue.Lease> claim(String worker, int max, Duration lease) throws SQLException {
        return claim.claim(writer, worker, max, lease);
    }

    @Override
    public long count(String status) throws SQLException {
        return writer.count(table, status);
    }

    @Override
    public void close() {
        writer.close();
    }
}
