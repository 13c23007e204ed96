package io.stratum.internal;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.codegen.jooq.tables.records.TasksRecord;
import io.stratum.task.TaskStatus;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * The one place where a task's status changes: submit excepted (it inserts the first status), every
 * transition of the repository and the queue is a {@link #move}. A move also bumps {@code version}, stamps
 * {@code last_updated_at}, revokes the lease unless the target is {@code running}, and stamps
 * {@code completed_at} when the task finishes ({@code completed}, {@code failed}, {@code cancelled}).
 */
public final class TaskTransitions {
    /** Ids per statement: well under every backend's limit on bind values. */
    static final int CHUNK = 1_000;

    private static final Set<TaskStatus> FINISHING = Set.of(TaskStatus.COMPLETED, TaskStatus.FAILED,
            TaskStatus.CANCELLED);

    /**
     * Moves those of {@code ids} whose status is in {@code from} (and that match {@code guard}) to {@code to},
     * setting {@code columns} as well, in the order given. Returns the ids that moved.
     */
    public List<UUID> move(DSLContext dsl, Collection<UUID> ids, Set<TaskStatus> from, TaskStatus to,
                           OffsetDateTime now, Map<Field<?>, ?> columns, Condition guard) {
        Map<Field<?>, Object> set = new HashMap<>(columns);
        set.put(TASKS.STATUS, DSL.inline(to.dbValue()));
        set.put(TASKS.VERSION, TASKS.VERSION.plus(1));
        set.put(TASKS.LAST_UPDATED_AT, now);
        if (to != TaskStatus.RUNNING) {
            set.put(TASKS.LEASE_OWNER, null);
            set.put(TASKS.LEASE_TOKEN, null);
            set.put(TASKS.LEASE_EXPIRES_AT, null);
        }
        if (FINISHING.contains(to)) {
            set.put(TASKS.COMPLETED_AT, now);
        }
        List<UUID> moved = new ArrayList<>();
        for (List<UUID> chunk : chunks(ids)) {
            moved.addAll(statement(dsl, chunk, from, set, guard).fetch(TASKS.ID));
        }
        return moved;
    }

    /** The UPDATE a move runs for one chunk of ids (public so that the conformance suite can explain it). */
    public ResultQuery<TasksRecord> statement(DSLContext dsl, Collection<UUID> ids, Set<TaskStatus> from,
                                             Map<Field<?>, ?> set, Condition guard) {
        return dsl.update(TASKS).set(set)
                .where(TASKS.ID.in(ids)).and(Statuses.oneOf(TASKS.STATUS, from)).and(guard)
                .returning(TASKS.ID);
    }

    /** {@link #move(DSLContext, Collection, Set, TaskStatus, OffsetDateTime, Map, Condition)} without a guard. */
    public List<UUID> move(DSLContext dsl, Collection<UUID> ids, Set<TaskStatus> from, TaskStatus to,
                           OffsetDateTime now, Map<Field<?>, ?> columns) {
        return move(dsl, ids, from, to, now, columns, DSL.noCondition());
    }

    /** {@code values} cut into lists of at most {@value #CHUNK}, in order. */
    static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
