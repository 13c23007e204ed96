package io.stratum.internal.queue;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.internal.task.PriorityFormula;
import io.stratum.internal.task.TaskMove;
import io.stratum.internal.task.TaskTransitions;
import io.stratum.internal.values.Binds;
import io.stratum.internal.values.Timestamps;
import io.stratum.internal.wake.WakeUps;
import io.stratum.task.TaskStatus;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Moves dependents of completed tasks from {@code pending} to {@code ready} once every dependency of theirs
 * is completed, recomputing their calculated priority. Runs in the completing transaction. Candidates are
 * locked first where the backend has row locks: of two transactions completing the last two dependencies of
 * a task, the second to lock it sees the first one's completion, so the task is never left pending.
 */
final class Promotion {
    private static final Set<TaskStatus> UNFINISHED = EnumSet.complementOf(EnumSet.of(TaskStatus.COMPLETED));

    private final QueueQueries queries;
    private final TaskTransitions transitions;
    private final WakeUps wakeUps;

    Promotion(QueueQueries queries, TaskTransitions transitions, WakeUps wakeUps) {
        this.queries = queries;
        this.transitions = transitions;
        this.wakeUps = wakeUps;
    }

    void promoteDependentsOf(DSLContext dsl, Collection<UUID> completed, OffsetDateTime now) {
        for (List<UUID> chunk : TaskTransitions.chunks(completed)) {
            List<Record> pending = queries.pendingDependentsOf(dsl, chunk);
            for (List<? extends Record> candidates : TaskTransitions.chunks(pending)) {
                promoteReady(dsl, candidates, now);
            }
        }
    }

    private void promoteReady(DSLContext dsl, List<? extends Record> candidates, OffsetDateTime now) {
        List<UUID> ids = candidates.stream().map(r -> r.get(TASKS.ID)).toList();
        Set<UUID> waiting =
                new HashSet<>(queries.withDependencyIn(dsl, ids, UNFINISHED).fetch(0, UUID.class));
        // One statement per distinct priority: tasks of a fan-out mostly share one.
        Map<Double, List<UUID>> byPriority = candidates.stream()
                .filter(r -> !waiting.contains(r.get(TASKS.ID)))
                .collect(Collectors.groupingBy(
                        r -> priority(r, now),
                        TreeMap::new,
                        Collectors.mapping(r -> r.get(TASKS.ID), Collectors.toList())));
        // run_after = now, or later when the task was submitted to run later: a claim takes a task only once
        // run_after has passed by its own clock (see Claims).
        byPriority.forEach((priority, ready) -> {
            if (!transitions
                    .move(
                            dsl,
                            ready,
                            TaskMove.of(TaskStatus.PENDING, TaskStatus.READY)
                                    .set(TASKS.CALCULATED_PRIORITY, priority)
                                    .setTo(TASKS.RUN_AFTER, DSL.greatest(TASKS.RUN_AFTER, Binds.timestamp(now))),
                            now)
                    .isEmpty()) {
                wakeUps.madeReady(dsl);
            }
        });
    }

    static double priority(Record row, OffsetDateTime now) {
        return PriorityFormula.calculate(
                row.get(TASKS.PRIORITY),
                row.get(TASKS.DEPENDENCY_DEPTH),
                Timestamps.normalize(row.get(TASKS.DEADLINE)),
                now);
    }
}
