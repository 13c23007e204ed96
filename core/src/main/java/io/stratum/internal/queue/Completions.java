package io.stratum.internal.queue;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.internal.task.RenderedMove;
import io.stratum.internal.task.TaskMove;
import io.stratum.internal.task.TaskRows;
import io.stratum.internal.task.TaskTransitions;
import io.stratum.queue.Completion;
import io.stratum.queue.Lease;
import io.stratum.task.TaskStatus;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Param;
import org.jooq.impl.DSL;

/**
 * Completes running tasks through their leases and, in the same transaction, promotes the dependents that no
 * longer wait. All or nothing: the first lease that no longer holds fails the whole call.
 */
final class Completions {
    private static final Param<JSONB> RESULT = DSL.param("result", TASKS.RESULT_DATA.getDataType());
    private static final Param<UUID> TOKEN = DSL.param("token", TASKS.LEASE_TOKEN.getDataType());
    private static final Param<String> OWNER = DSL.param("owner", TASKS.LEASE_OWNER.getDataType());

    private final TaskTransitions transitions;
    private final Promotion promotion;
    private final RenderedMove complete;

    Completions(TaskTransitions transitions, Promotion promotion) {
        this.transitions = transitions;
        this.promotion = promotion;
        this.complete = transitions.rendered(TaskMove.of(TaskStatus.RUNNING, TaskStatus.COMPLETED)
                .setTo(TASKS.RESULT_DATA, RESULT)
                .where(Leases.held(TOKEN, OWNER, RenderedMove.AT)));
    }

    /** {@code completions} sorted by task id, the order rows are locked in. */
    void complete(DSLContext dsl, List<Completion> completions, OffsetDateTime now) {
        // The tasks of one claim share owner and token; those with the same result finish in one statement.
        Map<List<Object>, List<Completion>> groups = completions.stream()
                .collect(Collectors.groupingBy(
                        c -> Arrays.asList(c.lease().token(), c.lease().owner(), c.result()),
                        LinkedHashMap::new,
                        Collectors.toList()));
        List<UUID> done = new ArrayList<>();
        for (List<Completion> group : groups.values()) {
            Lease lease = group.getFirst().lease();
            JSONB result = TaskRows.jsonb(group.getFirst().result());
            List<UUID> ids = group.stream().map(c -> c.lease().taskId().value()).toList();
            Set<UUID> moved = new HashSet<>(transitions.move(
                    dsl,
                    ids,
                    complete,
                    call -> call.set(RESULT, result)
                            .set(TOKEN, lease.token())
                            .set(OWNER, lease.owner())
                            .set(RenderedMove.AT, now),
                    lease.owner()));
            for (Completion c : group) {
                if (!moved.contains(c.lease().taskId().value())) {
                    throw Leases.lost(dsl, c.lease(), now);
                }
            }
            done.addAll(ids);
        }
        promotion.promoteDependentsOf(dsl, done, now);
    }
}
