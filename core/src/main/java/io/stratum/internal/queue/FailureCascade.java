package io.stratum.internal.queue;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.internal.task.Statuses;
import io.stratum.internal.task.TaskMove;
import io.stratum.internal.task.TaskTransitions;
import io.stratum.queue.DependentsOnFailure;
import io.stratum.task.TaskStatus;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * What failure and cancellation do to the tasks downstream: dependents of a task that failed for good are
 * blocked or cancelled (per {@link DependentsOnFailure}), a cancellation cancels every dependent, and
 * retrying a failed task releases the dependents it blocked.
 */
final class FailureCascade {
    /** Statuses a task can be cancelled from: everything but the final ones. */
    static final Set<TaskStatus> CANCELLABLE =
            EnumSet.of(TaskStatus.PENDING, TaskStatus.BLOCKED, TaskStatus.READY, TaskStatus.RUNNING, TaskStatus.FAILED);

    private static final Set<TaskStatus> BLOCKING =
            EnumSet.of(TaskStatus.FAILED, TaskStatus.BLOCKED, TaskStatus.CANCELLED);

    private final QueueQueries queries;
    private final DependencyWalk walk;
    private final TaskTransitions transitions;
    private final DependentsOnFailure policy;

    FailureCascade(QueueQueries queries, DependencyWalk walk, TaskTransitions transitions, DependentsOnFailure policy) {
        this.queries = queries;
        this.walk = walk;
        this.transitions = transitions;
        this.policy = policy;
    }

    /** Blocks or cancels everything downstream of tasks that just failed for good. */
    void afterFinalFailure(DSLContext dsl, Collection<UUID> failed, OffsetDateTime now) {
        List<UUID> downstream = walk.transitive(dsl, failed);
        if (policy == DependentsOnFailure.CANCEL) {
            transitions.move(dsl, downstream, TaskMove.of(CANCELLABLE, TaskStatus.CANCELLED), now);
        } else {
            transitions.move(dsl, downstream, TaskMove.of(TaskStatus.PENDING, TaskStatus.BLOCKED), now);
        }
    }

    /** Cancels everything downstream of {@code root}; returns what moved, level by level. */
    List<UUID> cancelDependentsOf(DSLContext dsl, UUID root, OffsetDateTime now) {
        return transitions.move(
                dsl, walk.transitive(dsl, List.of(root)), TaskMove.of(CANCELLABLE, TaskStatus.CANCELLED), now);
    }

    /**
     * Returns blocked tasks downstream of a re-queued task to {@code pending}, shallowest first, unless a
     * dependency of theirs is still failed, blocked or cancelled.
     */
    void afterRetry(DSLContext dsl, UUID retried, OffsetDateTime now) {
        List<UUID> downstream = walk.transitive(dsl, List.of(retried));
        // A task's dependencies are all shallower than the task: settle the graph one depth at a time.
        Map<Integer, List<UUID>> blockedByDepth = new TreeMap<>();
        for (List<UUID> chunk : TaskTransitions.chunks(downstream)) {
            dsl.select(TASKS.ID, TASKS.DEPENDENCY_DEPTH)
                    .from(TASKS)
                    .where(TASKS.ID.in(chunk))
                    .and(Statuses.oneOf(TASKS.STATUS, EnumSet.of(TaskStatus.BLOCKED)))
                    .forEach(r -> blockedByDepth
                            .computeIfAbsent(r.value2(), d -> new ArrayList<>())
                            .add(r.value1()));
        }
        for (List<UUID> level : blockedByDepth.values()) {
            Set<UUID> stillBlocked = new HashSet<>();
            for (List<UUID> chunk : TaskTransitions.chunks(level)) {
                stillBlocked.addAll(
                        queries.withDependencyIn(dsl, chunk, BLOCKING).fetch(0, UUID.class));
            }
            List<UUID> released =
                    level.stream().filter(id -> !stillBlocked.contains(id)).toList();
            transitions.move(dsl, released, TaskMove.of(TaskStatus.BLOCKED, TaskStatus.PENDING), now);
        }
    }
}
