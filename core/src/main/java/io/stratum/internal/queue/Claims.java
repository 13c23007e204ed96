package io.stratum.internal.queue;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.codegen.jooq.tables.records.TasksRecord;
import io.stratum.internal.task.TaskMove;
import io.stratum.internal.task.TaskRows;
import io.stratum.internal.task.TaskTransitions;
import io.stratum.internal.tx.Database;
import io.stratum.internal.values.Timestamps;
import io.stratum.queue.Claimed;
import io.stratum.queue.Lease;
import io.stratum.queue.ReclaimedBy;
import io.stratum.task.Task;
import io.stratum.task.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Hands ready tasks to a worker under a fresh lease. One statement picks and takes them
 * ({@code UPDATE ... WHERE id IN (SELECT ... LIMIT n [FOR UPDATE SKIP LOCKED]) RETURNING *}): with
 * {@code SKIP LOCKED} where the backend has it, under its single writer lock where not. A backend without
 * {@code UPDATE ... RETURNING} (MariaDB) runs an UPDATE joined to the same locking selection, then reads the rows
 * back by their lease token, in one transaction. Every claimer is also the
 * sweeper: before it claims, it reclaims expired leases in the same transaction, at most once per reclaim interval
 * per store. Its audit rows, when the store writes them, join that transaction too; a claim with neither is the
 * one statement, auto-committed.
 */
final class Claims {
    /** The order claims hand tasks out in, as the claim query sorts them. */
    private static final Comparator<TasksRecord> CLAIM_ORDER = Comparator.comparing(
                    (TasksRecord r) -> r.get(TASKS.CALCULATED_PRIORITY), Comparator.reverseOrder())
            .thenComparing(r -> r.get(TASKS.SUBMITTED_AT))
            .thenComparing(r -> r.get(TASKS.ID));

    private final QueueQueries queries;
    private final TaskTransitions transitions;
    private final Reclaimer reclaimer;
    private final Clock clock;
    private final ReclaimTimer reclaimTimer;

    Claims(
            QueueQueries queries,
            TaskTransitions transitions,
            Reclaimer reclaimer,
            Clock clock,
            ReclaimTimer reclaimTimer) {
        this.queries = queries;
        this.transitions = transitions;
        this.reclaimer = reclaimer;
        this.clock = clock;
        this.reclaimTimer = reclaimTimer;
    }

    List<Claimed> claim(Database db, String workerId, int max, Duration leaseDuration) {
        boolean reclaim = reclaimTimer.due(Timestamps.now(clock));
        Function<DSLContext, Taken> take = dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            if (reclaim) {
                reclaimer.reclaim(dsl, now, ReclaimedBy.CLAIM);
            }
            // A task is claimable once run_after <= now, and promotion sets run_after to the moment its last
            // dependency completed: so no task appears to start before a dependency completed, even when that
            // dependency committed while this statement was under way.
            UUID token = UUID.randomUUID();
            OffsetDateTime expires = Timestamps.normalize(now.plus(leaseDuration));
            TaskMove move = TaskMove.of(TaskStatus.READY, TaskStatus.RUNNING)
                    .set(TASKS.LEASE_OWNER, workerId)
                    .set(TASKS.LEASE_TOKEN, token)
                    .set(TASKS.LEASE_EXPIRES_AT, expires)
                    .set(TASKS.STARTED_AT, now)
                    .by(workerId);
            // Without UPDATE ... RETURNING: the UPDATE joins the locked selection, and the rows it moved are read back
            // by their fresh lease token (and the lease's expiry, for the lease index).
            List<TasksRecord> rows = transitions.movesSelectedInOneStatement()
                    ? transitions.moveSelected(dsl, queries.claimable(dsl, now, max), move, now)
                    : transitions.moveJoined(
                            dsl,
                            queries.claimable(dsl, now, max),
                            move,
                            now,
                            TASKS.STATUS
                                    .eq(DSL.inline(TaskStatus.RUNNING.dbValue()))
                                    .and(TASKS.LEASE_EXPIRES_AT.eq(expires))
                                    .and(TASKS.LEASE_TOKEN.eq(token)));
            return new Taken(rows, token, expires);
        };
        // With no reclaim due and no audit rows to write, the claim is one statement: auto-committed.
        Taken taken = reclaim || transitions.audits() || !transitions.movesSelectedInOneStatement()
                ? db.write(take)
                : db.writeOne(take);
        List<TasksRecord> rows = new ArrayList<>(taken.rows());
        rows.sort(CLAIM_ORDER);
        List<Task> tasks = db.read(dsl -> TaskRows.toTasks(dsl, rows));
        List<Claimed> claimed = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            claimed.add(new Claimed(task, new Lease(task.id(), workerId, taken.token(), taken.expires())));
        }
        return claimed;
    }

    /** The rows one claim took, under which lease. */
    private record Taken(List<TasksRecord> rows, UUID token, OffsetDateTime expires) {}
}
