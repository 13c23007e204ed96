package io.stratum.internal;

import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;

import io.stratum.InvalidInput;
import io.stratum.codegen.jooq.tables.records.TasksRecord;
import io.stratum.internal.BatchGraph.Placed;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStepN;

/**
 * Stores a batch of new tasks in the caller's transaction: ids, idempotency keys, dependencies and cycles
 * are settled in memory first, so that bad input is refused before anything is written; then the rows go in
 * with a few multi-row INSERTs.
 */
final class TaskSubmission {
    private static final int ROWS_PER_INSERT = 500;
    private static final int EDGES_PER_INSERT = 5_000;

    /**
     * A concurrent transaction committed one of the batch's idempotency keys after this one looked them up;
     * the batch is rolled back and submitted again, which then finds the key.
     */
    static final class KeyRace extends RuntimeException {
        KeyRace() {
            super("an idempotency key was stored concurrently", null, false, false);
        }
    }

    private final Clock clock;

    TaskSubmission(Clock clock) {
        this.clock = clock;
    }

    List<TaskId> submit(DSLContext dsl, List<NewTask> tasks) {
        OffsetDateTime now = Timestamps.now(clock);
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
        Map<UUID, List<UUID>> dependsOn = new LinkedHashMap<>();
        fresh.forEach((id, task) -> dependsOn.put(id, dependencies(id, task, sameAs)));
        Map<UUID, Placed> placed = BatchGraph.place(dependsOn, StoredDependencies.load(dsl, dependsOn));

        List<TasksRecord> rows = new ArrayList<>();
        fresh.forEach((id, task) -> rows.add(row(dsl, id, task, placed.get(id), now)));
        // Keys in one global order: two batches sharing keys then wait on each other instead of deadlocking.
        rows.sort(Comparator.comparing(r -> r.get(TASKS.IDEMPOTENCY_KEY), Comparator.nullsLast(Comparator.naturalOrder())));
        Map<UUID, List<UUID>> childrenInBatch = new LinkedHashMap<>();
        for (TasksRecord row : rows) {
            UUID parent = row.get(TASKS.PARENT_TASK_ID);
            if (parent != null && fresh.containsKey(parent)) {
                childrenInBatch.computeIfAbsent(parent, p -> new ArrayList<>()).add(row.get(TASKS.ID));
                row.set(TASKS.PARENT_TASK_ID, null);
            }
        }
        for (int i = 0; i < rows.size(); i += ROWS_PER_INSERT) {
            insert(dsl, rows.subList(i, Math.min(rows.size(), i + ROWS_PER_INSERT)));
        }
        // Set once every row exists, so that a parent may come after its children in the batch.
        childrenInBatch.forEach((parent, children) -> dsl.update(TASKS).set(TASKS.PARENT_TASK_ID, parent)
                .where(TASKS.ID.in(children)).execute());
        insertEdges(dsl, dependsOn);
        return ids.stream().map(id -> new TaskId(sameAs.getOrDefault(id, id))).toList();
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
        List<String> keys = tasks.stream().map(NewTask::idempotencyKey).filter(Objects::nonNull).distinct().toList();
        Map<String, UUID> stored = new HashMap<>();
        for (List<String> chunk : TaskTransitions.chunks(keys)) {
            dsl.select(TASKS.IDEMPOTENCY_KEY, TASKS.ID).from(TASKS).where(TASKS.IDEMPOTENCY_KEY.in(chunk))
                    .forEach(r -> stored.put(r.value1(), r.value2()));
        }
        return stored;
    }

    private static void refuseTakenIds(DSLContext dsl, Map<UUID, NewTask> fresh) {
        List<UUID> chosen = fresh.entrySet().stream().filter(e -> e.getValue().id() != null).map(Map.Entry::getKey)
                .toList();
        for (List<UUID> chunk : TaskTransitions.chunks(chosen)) {
            UUID taken = dsl.select(TASKS.ID).from(TASKS).where(TASKS.ID.in(chunk)).limit(1).fetchOne(TASKS.ID);
            if (taken != null) {
                throw new InvalidInput("id", "task " + taken + " already exists");
            }
        }
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

    private static TasksRecord row(DSLContext dsl, UUID id, NewTask task, Placed placed, OffsetDateTime now) {
        OffsetDateTime deadline = Timestamps.normalize(task.deadline());
        TasksRecord row = dsl.newRecord(TASKS);
        row.set(TASKS.ID, id);
        row.set(TASKS.SUMMARY, task.summary());
        row.set(TASKS.DESCRIPTION, task.description());
        row.set(TASKS.AGENT_TYPE, task.agentType());
        row.set(TASKS.PRIORITY, task.priority());
        row.set(TASKS.CALCULATED_PRIORITY, PriorityFormula.calculate(task.priority(), placed.depth(), deadline, now));
        row.set(TASKS.STATUS, placed.status().dbValue());
        row.set(TASKS.DEPENDENCY_TYPE, task.dependencyType().dbValue());
        row.set(TASKS.DEPENDENCY_DEPTH, placed.depth());
        row.set(TASKS.INPUT_DATA, TaskRows.jsonb(task.inputData()));
        row.set(TASKS.RETRY_COUNT, 0);
        row.set(TASKS.MAX_RETRIES, task.maxRetries());
        row.set(TASKS.MAX_EXECUTION_TIMEOUT_SECONDS, task.maxExecutionTimeoutSeconds());
        row.set(TASKS.SUBMITTED_AT, now);
        row.set(TASKS.LAST_UPDATED_AT, now);
        row.set(TASKS.CREATED_BY, task.createdBy());
        row.set(TASKS.PARENT_TASK_ID, task.parentTaskId() == null ? null : task.parentTaskId().value());
        row.set(TASKS.SESSION_ID, task.sessionId());
        row.set(TASKS.SOURCE, task.source().dbValue());
        row.set(TASKS.DEADLINE, deadline);
        row.set(TASKS.ESTIMATED_DURATION_SECONDS, task.estimatedDurationSeconds());
        row.set(TASKS.FEATURE_BRANCH, task.featureBranch());
        row.set(TASKS.TASK_BRANCH, task.taskBranch());
        row.set(TASKS.WORKTREE_PATH, task.worktreePath());
        row.set(TASKS.VERSION, 0L);
        row.set(TASKS.IDEMPOTENCY_KEY, task.idempotencyKey());
        row.set(TASKS.RUN_AFTER, now);
        return row;
    }

    private static void insert(DSLContext dsl, List<TasksRecord> rows) {
        InsertValuesStepN<TasksRecord> insert = dsl.insertInto(TASKS, TASKS.fields());
        for (TasksRecord row : rows) {
            insert = insert.values(row.intoList());
        }
        if (insert.onConflict(TASKS.IDEMPOTENCY_KEY).doNothing().execute() != rows.size()) {
            throw new KeyRace();
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
