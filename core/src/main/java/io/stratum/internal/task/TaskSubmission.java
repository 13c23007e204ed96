package io.stratum.internal.task;

import static io.stratum.codegen.jooq.Tables.SESSIONS;
import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;

import io.stratum.Busy;
import io.stratum.InvalidInput;
import io.stratum.codegen.jooq.tables.records.TasksRecord;
import io.stratum.internal.statement.KeyConflicts;
import io.stratum.internal.task.BatchGraph.Placed;
import io.stratum.internal.values.Ids;
import io.stratum.internal.values.Timestamps;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.TableField;

/**
 * Stores a batch of new tasks in the caller's transaction: ids, idempotency keys, dependencies and cycles
 * are settled in memory first, so that bad input is refused before anything is written; then the rows go in
 * ({@link TaskRowInserts}).
 */
final class TaskSubmission {
    private static final int EDGES_PER_INSERT = 5_000;

    private final Clock clock;
    private final TaskRowInserts inserts;

    TaskSubmission(Clock clock, KeyConflicts keyConflicts) {
        this.clock = clock;
        this.inserts = new TaskRowInserts(keyConflicts);
    }

    /**
     * Whether {@link #submit} stores {@code tasks} with one single-row INSERT and nothing else: one task with
     * nothing to look up first (no idempotency key, chosen id, parent, session or dependency). Several rows are
     * a JDBC batch, several statements, which must share a transaction.
     */
    static boolean isOneStatement(List<NewTask> tasks) {
        NewTask t = tasks.getFirst();
        return tasks.size() == 1
                && t.idempotencyKey() == null
                && t.id() == null
                && t.parentTaskId() == null
                && t.sessionId() == null
                && t.dependsOn().isEmpty();
    }

    /** Stores {@code tasks}; returns their ids in the order given (a stored task's for a key it already has). */
    List<TaskId> submit(DSLContext dsl, List<NewTask> tasks) {
        OffsetDateTime now = Timestamps.now(clock);
        if (isOneStatement(tasks)) {
            return List.of(submitAlone(dsl, tasks.getFirst(), now));
        }
        List<UUID> ids = assignIds(tasks, now);
        Map<UUID, UUID> sameAs = new HashMap<>();
        Map<UUID, NewTask> fresh = new LinkedHashMap<>();
        Map<String, UUID> byKey = storedKeys(dsl, tasks);
        for (int i = 0; i < tasks.size(); i++) {
            String key = tasks.get(i).idempotencyKey();
            UUID earlier = key == null ? null : byKey.putIfAbsent(key, ids.get(i));
            if (earlier != null) {
                sameAs.put(ids.get(i), earlier);
            } else {
                fresh.put(ids.get(i), tasks.get(i));
            }
        }
        refuseTakenIds(dsl, fresh);
        requireReferences(dsl, fresh, sameAs);
        Map<UUID, List<UUID>> dependsOn = new LinkedHashMap<>();
        fresh.forEach((id, task) -> dependsOn.put(id, dependencies(id, task, sameAs)));
        Map<UUID, Placed> placed = BatchGraph.place(dependsOn, StoredDependencies.load(dsl, dependsOn));

        List<TasksRecord> rows = new ArrayList<>();
        fresh.forEach(
                (id, task) -> rows.add(NewTaskRows.row(dsl, id, task, parentOf(task, sameAs), placed.get(id), now)));
        insertRows(dsl, rows, fresh.keySet());
        insertEdges(dsl, dependsOn);
        return ids.stream().map(id -> new TaskId(sameAs.getOrDefault(id, id))).toList();
    }

    /**
     * A task with nothing to look up or place ({@link #isOneStatement}): it goes in ready, at depth 0, under a new id,
     * with a plain INSERT that stores it or fails.
     */
    private TaskId submitAlone(DSLContext dsl, NewTask task, OffsetDateTime now) {
        UUID id = Ids.v7(now.toInstant());
        inserts.insert(dsl, List.of(NewTaskRows.row(dsl, id, task, null, BatchGraph.INDEPENDENT, now)));
        return new TaskId(id);
    }

    private static List<UUID> assignIds(List<NewTask> tasks, OffsetDateTime now) {
        Set<UUID> given = new HashSet<>();
        List<UUID> ids = new ArrayList<>(tasks.size());
        for (NewTask task : tasks) {
            if (task.id() != null && !given.add(task.id().value())) {
                throw new InvalidInput("id", "task " + task.id() + " is given twice in the batch");
            }
            ids.add(task.id() != null ? task.id().value() : Ids.v7(now.toInstant()));
        }
        return ids;
    }

    private static Map<String, UUID> storedKeys(DSLContext dsl, List<NewTask> tasks) {
        List<String> keys = tasks.stream()
                .map(NewTask::idempotencyKey)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<String, UUID> stored = new HashMap<>();
        for (List<String> chunk : TaskTransitions.chunks(keys)) {
            dsl.select(TASKS.IDEMPOTENCY_KEY, TASKS.ID)
                    .from(TASKS)
                    .where(TASKS.IDEMPOTENCY_KEY.in(chunk))
                    .forEach(r -> stored.put(r.value1(), r.value2()));
        }
        return stored;
    }

    private static void refuseTakenIds(DSLContext dsl, Map<UUID, NewTask> fresh) {
        List<UUID> chosen = fresh.entrySet().stream()
                .filter(e -> e.getValue().id() != null)
                .map(Map.Entry::getKey)
                .toList();
        for (List<UUID> chunk : TaskTransitions.chunks(chosen)) {
            UUID taken = dsl.select(TASKS.ID)
                    .from(TASKS)
                    .where(TASKS.ID.in(chunk))
                    .limit(1)
                    .fetchOne(TASKS.ID);
            if (taken != null) {
                throw new InvalidInput("id", "task " + taken + " already exists");
            }
        }
    }

    private static UUID parentOf(NewTask task, Map<UUID, UUID> sameAs) {
        return task.parentTaskId() == null
                ? null
                : sameAs.getOrDefault(
                        task.parentTaskId().value(), task.parentTaskId().value());
    }

    /**
     * Parents outside the batch and sessions must exist. Checked before the insert: the error then names the
     * foreign key on every backend (SQLite's does not), and no failed statement dooms an enclosing transaction.
     */
    private static void requireReferences(DSLContext dsl, Map<UUID, NewTask> fresh, Map<UUID, UUID> sameAs) {
        Set<UUID> parents = new LinkedHashSet<>();
        Set<UUID> sessions = new LinkedHashSet<>();
        for (NewTask task : fresh.values()) {
            UUID parent = parentOf(task, sameAs);
            if (parent != null && !fresh.containsKey(parent)) {
                parents.add(parent);
            }
            if (task.sessionId() != null) {
                sessions.add(task.sessionId().value());
            }
        }
        firstMissing(dsl, TASKS.ID, parents).ifPresent(parent -> {
            throw JooqTaskRepository.missingReference("fk_tasks_parent", "parent task " + parent);
        });
        firstMissing(dsl, SESSIONS.ID, sessions).ifPresent(session -> {
            throw JooqTaskRepository.missingReference("fk_tasks_session", "session " + session);
        });
    }

    /** The first of {@code ids} that is no value of the key column {@code key}. */
    private static Optional<UUID> firstMissing(DSLContext dsl, TableField<?, UUID> key, Collection<UUID> ids) {
        Set<UUID> found = new HashSet<>();
        for (List<UUID> chunk : TaskTransitions.chunks(ids)) {
            found.addAll(
                    dsl.select(key).from(key.getTable()).where(key.in(chunk)).fetch(key));
        }
        return ids.stream().filter(id -> !found.contains(id)).findFirst();
    }

    /** The task's dependencies, tasks dropped as repeated idempotency keys replaced by the task they repeat. */
    private static List<UUID> dependencies(UUID id, NewTask task, Map<UUID, UUID> sameAs) {
        Set<UUID> deps = new LinkedHashSet<>();
        for (TaskId dep : task.dependsOn()) {
            deps.add(sameAs.getOrDefault(dep.value(), dep.value()));
        }
        if (deps.contains(id)) {
            throw new InvalidInput("dependsOn", "task " + id + " depends on itself");
        }
        return List.copyOf(deps);
    }

    /** Inserts the rows of the batch whose ids are {@code batch}, a few hundred per statement. */
    private void insertRows(DSLContext dsl, List<TasksRecord> rows, Set<UUID> batch) {
        // Keys in one global order: two batches sharing keys then wait on each other instead of deadlocking.
        rows.sort(Comparator.comparing(
                r -> r.get(TASKS.IDEMPOTENCY_KEY), Comparator.nullsLast(Comparator.naturalOrder())));
        Map<UUID, List<UUID>> childrenInBatch = new LinkedHashMap<>();
        for (TasksRecord row : rows) {
            UUID parent = row.get(TASKS.PARENT_TASK_ID);
            if (parent != null && batch.contains(parent)) {
                childrenInBatch.computeIfAbsent(parent, p -> new ArrayList<>()).add(row.get(TASKS.ID));
                row.set(TASKS.PARENT_TASK_ID, null);
            }
        }
        requireInserted(inserts.insert(dsl, rows), rows.size());
        // Set once every row exists, so that a parent may come after its children in the batch.
        childrenInBatch.forEach((parent, children) -> dsl.update(TASKS)
                .set(TASKS.PARENT_TASK_ID, parent)
                .where(TASKS.ID.in(children))
                .execute());
    }

    private static void requireInserted(int inserted, int rows) {
        if (inserted != rows) {
            // A concurrent transaction committed one of the keys after they were looked up: the unit of work is
            // retried as for any transient conflict, and then finds the stored task.
            throw new Busy("an idempotency key of the batch was stored by a concurrent submit", null);
        }
    }

    private static void insertEdges(DSLContext dsl, Map<UUID, List<UUID>> dependsOn) {
        List<UUID[]> edges = new ArrayList<>();
        dependsOn.forEach((task, deps) -> deps.forEach(dep -> edges.add(new UUID[] {task, dep})));
        for (int i = 0; i < edges.size(); i += EDGES_PER_INSERT) {
            var insert = dsl.insertInto(TASK_DEPENDENCIES, TASK_DEPENDENCIES.TASK_ID, TASK_DEPENDENCIES.DEPENDS_ON_ID);
            for (UUID[] edge : edges.subList(i, Math.min(edges.size(), i + EDGES_PER_INSERT))) {
                insert = insert.values(edge[0], edge[1]);
            }
            insert.execute();
        }
    }
}
