package io.stratum.internal.queue;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.internal.observe.QueueEvents;
import io.stratum.internal.values.Timestamps;
import io.stratum.queue.ReclaimedBy;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Returns tasks whose lease expired to the queue: each expiry is a failed attempt. On backends with
 * SKIP LOCKED, concurrent reclaimers (every claim is one) share the expired rows instead of waiting on
 * each other.
 */
final class Reclaimer {
    /** Expired leases handled per transaction. */
    static final int BATCH = 500;

    private final QueueQueries queries;
    private final FailedAttempts attempts;
    private final FailureCascade cascade;
    private final QueueEvents events;

    Reclaimer(QueueQueries queries, FailedAttempts attempts, FailureCascade cascade, QueueEvents events) {
        this.queries = queries;
        this.attempts = attempts;
        this.cascade = cascade;
        this.events = events;
    }

    /**
     * Reclaims up to {@value #BATCH} expired leases in the caller's transaction, on behalf of {@code by}; returns how
     * many.
     */
    int reclaim(DSLContext dsl, OffsetDateTime now, ReclaimedBy by) {
        int reclaimed = 0;
        List<UUID> failed = new ArrayList<>();
        for (Record row : queries.expiredLeases(dsl, now, BATCH).fetch()) {
            String error = "lease of " + row.get(TASKS.LEASE_OWNER) + " expired at "
                    + Timestamps.normalize(row.get(TASKS.LEASE_EXPIRES_AT));
            var outcome = attempts.record(
                    dsl,
                    row,
                    error,
                    TASKS.LEASE_TOKEN.eq(row.get(TASKS.LEASE_TOKEN)).and(TASKS.LEASE_EXPIRES_AT.le(now)),
                    null,
                    now);
            if (outcome != FailedAttempts.Outcome.LOST) {
                reclaimed++;
            }
            if (outcome == FailedAttempts.Outcome.FAILED) {
                failed.add(row.get(TASKS.ID));
            }
        }
        cascade.afterFinalFailure(dsl, failed, now);
        events.reclaimed(reclaimed, by);
        return reclaimed;
    }
}
