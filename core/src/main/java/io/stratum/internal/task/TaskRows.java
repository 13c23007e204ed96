package io.stratum.internal.task;

import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;

import io.stratum.Json;
import io.stratum.agent.AgentId;
import io.stratum.codegen.jooq.tables.records.TasksRecord;
import io.stratum.internal.values.Timestamps;
import io.stratum.session.SessionId;
import io.stratum.task.DependencyType;
import io.stratum.task.Task;
import io.stratum.task.TaskId;
import io.stratum.task.TaskSource;
import io.stratum.task.TaskStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record2;

/** Reads task rows into {@link Task} values, with each task's dependencies. */
public final class TaskRows {
    private TaskRows() {}

    /**
     * The tasks for {@code rows}, in the same order, with their dependency lists filled in. Only tasks with a
     * {@code dependency_depth} above 0 can have dependencies (edges are written only by submit, which sets the
     * depth from them), so rows of depth 0 alone, the common case of a claim, need no look-up.
     */
    public static List<Task> toTasks(DSLContext dsl, List<TasksRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> dependent = rows.stream()
                .filter(r -> r.get(TASKS.DEPENDENCY_DEPTH) > 0)
                .map(r -> r.get(TASKS.ID))
                .toList();
        Map<UUID, List<TaskId>> dependencies = dependent.isEmpty() ? Map.of() : dependenciesOf(dsl, dependent);
        List<Task> tasks = new ArrayList<>(rows.size());
        for (TasksRecord row : rows) {
            tasks.add(toTask(row, dependencies.getOrDefault(row.get(TASKS.ID), List.of())));
        }
        return tasks;
    }

    /** The tasks with these ids (at most {@value TaskTransitions#CHUNK}), by id. */
    public static Map<UUID, Task> byId(DSLContext dsl, Collection<UUID> ids) {
        return toTasks(dsl, dsl.selectFrom(TASKS).where(TASKS.ID.in(ids)).fetch()).stream()
                .collect(Collectors.toMap(t -> t.id().value(), Function.identity()));
    }

    static Map<UUID, List<TaskId>> dependenciesOf(DSLContext dsl, Collection<UUID> taskIds) {
        return dsl
                .select(TASK_DEPENDENCIES.TASK_ID, TASK_DEPENDENCIES.DEPENDS_ON_ID)
                .from(TASK_DEPENDENCIES)
                .where(TASK_DEPENDENCIES.TASK_ID.in(taskIds))
                .orderBy(TASK_DEPENDENCIES.DEPENDS_ON_ID)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(
                        Record2::value1, Collectors.mapping(r -> new TaskId(r.value2()), Collectors.toList())));
    }

    static Task toTask(TasksRecord r, List<TaskId> dependencies) {
        return new Task(
                new TaskId(r.get(TASKS.ID)),
                r.get(TASKS.SUMMARY),
                r.get(TASKS.DESCRIPTION),
                r.get(TASKS.AGENT_TYPE),
                r.get(TASKS.PRIORITY),
                r.get(TASKS.CALCULATED_PRIORITY),
                TaskStatus.parse(r.get(TASKS.STATUS)),
                dependencies,
                DependencyType.parse(r.get(TASKS.DEPENDENCY_TYPE)),
                r.get(TASKS.DEPENDENCY_DEPTH),
                json(r.get(TASKS.INPUT_DATA)),
                json(r.get(TASKS.RESULT_DATA)),
                r.get(TASKS.ERROR_MESSAGE),
                r.get(TASKS.RETRY_COUNT),
                r.get(TASKS.MAX_RETRIES),
                r.get(TASKS.MAX_EXECUTION_TIMEOUT_SECONDS),
                Timestamps.normalize(r.get(TASKS.SUBMITTED_AT)),
                Timestamps.normalize(r.get(TASKS.STARTED_AT)),
                Timestamps.normalize(r.get(TASKS.COMPLETED_AT)),
                Timestamps.normalize(r.get(TASKS.LAST_UPDATED_AT)),
                r.get(TASKS.CREATED_BY),
                r.get(TASKS.PARENT_TASK_ID) == null ? null : new TaskId(r.get(TASKS.PARENT_TASK_ID)),
                r.get(TASKS.SESSION_ID) == null ? null : new SessionId(r.get(TASKS.SESSION_ID)),
                TaskSource.parse(r.get(TASKS.SOURCE)),
                Timestamps.normalize(r.get(TASKS.DEADLINE)),
                r.get(TASKS.ESTIMATED_DURATION_SECONDS),
                r.get(TASKS.FEATURE_BRANCH),
                r.get(TASKS.TASK_BRANCH),
                r.get(TASKS.WORKTREE_PATH),
                r.get(TASKS.VERSION),
                r.get(TASKS.IDEMPOTENCY_KEY),
                r.get(TASKS.LEASE_OWNER),
                r.get(TASKS.LEASE_TOKEN),
                Timestamps.normalize(r.get(TASKS.LEASE_EXPIRES_AT)),
                Timestamps.normalize(r.get(TASKS.RUN_AFTER)),
                r.get(TASKS.AGENT_ID) == null ? null : new AgentId(r.get(TASKS.AGENT_ID)));
    }

    /** Stored JSON as a {@link Json} value; null stays null. */
    public static Json json(JSONB value) {
        return value == null ? null : new Json(value.data());
    }

    /** A {@link Json} value as jOOQ's JSONB; null stays null. */
    public static JSONB jsonb(Json value) {
        return value == null ? null : JSONB.valueOf(value.text());
    }
}
