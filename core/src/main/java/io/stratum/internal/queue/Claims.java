package io.stratum.internal.queue;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.codegen.jooq.tables.records.TasksRecord;
import io.stratum.internal.statement.RenderedStatement;
import io.stratum.internal.statement.RenderedStatements;
import io.stratum.internal.task.AuditRowsInStatement;
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
import org.jooq.Param;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Hands ready tasks to a worker under a fresh lease. One statement picks and takes them
 * ({@code UPDATE ... WHERE id IN (SELECT ... LIMIT n [FOR UPDATE SKIP LOCKED]) RETURNING *}): with
 * {@code SKIP LOCKED} where the backend has it, under its single writer lock where not. A backend without
 * {@code UPDATE ... RETURNING} (MariaDB) runs the same locking selection, of whole rows, as a statement of its own
 * and updates the tasks it locked by id, in one transaction; it returns the rows it selected with the lease
 * applied. Every claimer is also the sweeper: before it claims, it reclaims expired leases in the same
 * transaction, at most once per reclaim interval per store. Its audit rows, when the store writes them, join that
 * transaction too, or, where the backend allows writes in a {@code WITH} clause, the claim's own statement; a claim
 * with neither is the one statement, auto-committed.
 */
final class Claims {
    /** The order claims hand tasks out in, as the claim query sorts them. */
    private static final Comparator<TasksRecord> CLAIM_ORDER = Comparator.comparing(
                    TasksRecord::getCalculatedPriority, Comparator.reverseOrder())
            .thenComparing(TasksRecord::getSubmittedAt)
            .thenComparing(TasksRecord::getId);

    private static final Param<OffsetDateTime> NOW = DSL.param("now", TASKS.STARTED_AT.getDataType());
    private static final Param<Integer> LIMIT = DSL.param("limit", SQLDataType.INTEGER);
    private static final Param<String> OWNER = DSL.param("owner", TASKS.LEASE_OWNER.getDataType());
    private static final Param<UUID> TOKEN = DSL.param("token", TASKS.LEASE_TOKEN.getDataType());
    private static final Param<OffsetDateTime> EXPIRES = DSL.param("expires", TASKS.LEASE_EXPIRES_AT.getDataType());

    /** The claim's move: a task claimable at {@code now} is now running under the fresh lease. */
    private static final TaskMove TAKE = TaskMove.of(TaskStatus.READY, TaskStatus.RUNNING)
            .setTo(TASKS.LEASE_OWNER, OWNER)
            .setTo(TASKS.LEASE_TOKEN, TOKEN)
            .setTo(TASKS.LEASE_EXPIRES_AT, EXPIRES)
            .setTo(TASKS.STARTED_AT, NOW);

    private final TaskTransitions transitions;
    private final Reclaimer reclaimer;
    private final Clock clock;
    private final ReclaimTimer reclaimTimer;
    /** With UPDATE ... RETURNING: the one statement that picks, takes and returns the tasks. */
    private final RenderedStatement take;
    /** Without: the locking selection of the tasks' rows, then their UPDATE by id. */
    private final RenderedStatement pick;

    private final RenderedStatements takePicked;

    Claims(
            QueueQueries queries,
            TaskTransitions transitions,
            Reclaimer reclaimer,
            Clock clock,
            ReclaimTimer reclaimTimer) {
        this.transitions = transitions;
        this.reclaimer = reclaimer;
        this.clock = clock;
        this.reclaimTimer = reclaimTimer;
        var taking = TaskTransitions.selectedTemplate(queries.claimable(NOW, LIMIT), TAKE, NOW);
        this.take = RenderedStatement.of(
                transitions.auditsInStatement() ? AuditRowsInStatement.of(taking, TAKE, NOW) : taking);
        this.pick = RenderedStatement.of(queries.claimableRows(NOW, LIMIT));
        this.takePicked = TaskTransitions.pickedTemplates(TAKE, NOW);
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
            List<TasksRecord> rows = transitions.movesSelectedInOneStatement()
                    ? transitions.moveSelected(
                            dsl,
                            transitions.auditedBy(
                                    bound(this.take.call(), now, max, workerId, token, expires), max, workerId),
                            TAKE,
                            workerId)
                    : transitions.movePicked(
                            dsl,
                            bound(pick.call(), now, max, workerId, token, expires),
                            picked -> bound(takePicked.call(picked), now, max, workerId, token, expires),
                            TAKE,
                            NOW,
                            workerId);
            return new Taken(rows, token, expires);
        };
        // With no reclaim due and no audit rows to write apart, the claim is one statement: auto-committed.
        boolean auditRowsApart = transitions.audits() && !transitions.auditsInStatement();
        Taken taken = reclaim || auditRowsApart || !transitions.movesSelectedInOneStatement()
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

    private static RenderedStatement.Call bound(
            RenderedStatement.Call call,
            OffsetDateTime now,
            int max,
            String workerId,
            UUID token,
            OffsetDateTime expires) {
        return call.set(NOW, now)
                .set(LIMIT, max)
                .set(OWNER, workerId)
                .set(TOKEN, token)
                .set(EXPIRES, expires);
    }

    /** The rows one claim took, under which lease. */
    private record Taken(List<TasksRecord> rows, UUID token, OffsetDateTime expires) {}
}
