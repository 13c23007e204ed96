package io.stratum.internal;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.queue.Claimed;
import io.stratum.queue.Lease;
import io.stratum.task.Task;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Hands ready tasks to a worker under a fresh lease, in the caller's write transaction, after reclaiming expired
 * leases in the same transaction: every claimer is also the sweeper. The candidates are read and marked in one
 * transaction, with {@code SKIP LOCKED} where the backend has it and under its single writer lock where not.
 */
final class Claims {
    private final QueueQueries queries;
    private final TaskTransitions transitions;
    private final Reclaimer reclaimer;
    private final Clock clock;

    Claims(QueueQueries queries, TaskTransitions transitions, Reclaimer reclaimer, Clock clock) {
        this.queries = queries;
        this.transitions = transitions;
        this.reclaimer = reclaimer;
        this.clock = clock;
    }

    List<Claimed> claim(DSLContext dsl, String workerId, int max, Duration leaseDuration) {
        OffsetDateTime now = Timestamps.now(clock);
        reclaimer.reclaim(dsl, now);
        List<UUID> candidates = queries.claimable(dsl, now, max).fetch(TASKS.ID);
        if (candidates.isEmpty()) {
            return List.of();
        }
        // Stamped after the candidates were read, so that no task appears to start before the completion of a
        // dependency that committed while this transaction was under way.
        OffsetDateTime started = Timestamps.now(clock);
        UUID token = UUID.randomUUID();
        OffsetDateTime expires = Timestamps.normalize(started.plus(leaseDuration));
        List<UUID> claimed = transitions.move(dsl, candidates, TaskMove.of(TaskStatus.READY, TaskStatus.RUNNING)
                .set(TASKS.LEASE_OWNER, workerId).set(TASKS.LEASE_TOKEN, token)
                .set(TASKS.LEASE_EXPIRES_AT, expires).set(TASKS.STARTED_AT, started).by(workerId), started);
        Map<UUID, Task> tasks = TaskRows.byId(dsl, claimed);
        return claimed.stream()
                .map(id -> new Claimed(tasks.get(id), new Lease(new TaskId(id), workerId, token, expires)))
                .toList();
    }
}
