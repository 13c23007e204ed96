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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/**
 * Moves dependents of completed tasks from {@code pending} to {@code ready} once every dependency of theirs
 * is completed, recomputing their calculated priority. Runs in the completing transaction. Candidates are
 * locked first where the backend has row locks: of two transactions completing the last two dependencies of
 * a task, the second to lock it sees the first one's completion, so the task is never left pending.
 */
final class Promotion {
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
        Set<UUID> ready = new HashSet<>();
        // Completions commit in an order their clocks need not share (two stores, or a completion that waited for a
        // lock): the dependents become claimable at the latest completion of their dependencies, not at this one's.
        OffsetDateTime lastCompleted = now;
        for (Record3<UUID, Integer, OffsetDateTime> progress : queries.dependencyProgress(dsl, ids)) {
            if (progress.value2() == 0) {
                ready.add(progress.value1());
                OffsetDateTime completed = Timestamps.normalize(progress.value3());
                if (completed.isAfter(lastCompleted)) {
                    lastCompleted = completed;
                }
            }
        }
        // One statement per distinct priority: tasks of a fan-out mostly share one.
        Map<Double, List<UUID>> byPriority = candidates.stream()
                .filter(r -> ready.contains(r.get(TASKS.ID)))
                .collect(Collectors.groupingBy(
                        r -> priority(r, now),
                        TreeMap::new,
                        Collectors.mapping(r -> r.get(TASKS.ID), Collectors.toList())));
        // run_after = the last completion, or later when the task was submitted to run later: a claim takes a task
        // only once run_after has passed by its own clock (see Claims), so none starts before a dependency completed.
        Field<OffsetDateTime> runAfter = DSL.greatest(TASKS.RUN_AFTER, Binds.timestamp(lastCompleted));
        byPriority.forEach((priority, promoted) -> {
            if (!transitions
                    .move(
                            dsl,
                            promoted,
                            TaskMove.of(TaskStatus.PENDING, TaskStatus.READY)
                                    .set(TASKS.CALCULATED_PRIORITY, priority)
                                    .setTo(TASKS.RUN_AFTER, runAfter),
                            now)
                    .isEmpty()) {
                wakeUps.madeReady();
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
