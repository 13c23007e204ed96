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
                .filter(r -> r.getDependencyDepth() > 0)
                .map(TasksRecord::getId)
                .toList();
        Map<UUID, List<TaskId>> dependencies = dependent.isEmpty() ? Map.of() : dependenciesOf(dsl, dependent);
        List<Task> tasks = new ArrayList<>(rows.size());
        for (TasksRecord row : rows) {
            tasks.add(toTask(row, dependencies.getOrDefault(row.getId(), List.of())));
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

    // The generated getters read a column by its position; get(TASKS.X) would look the field up first.
    static Task toTask(TasksRecord r, List<TaskId> dependencies) {
        return new Task(
                new TaskId(r.getId()),
                r.getSummary(),
                r.getDescription(),
                r.getAgentType(),
                r.getPriority(),
                r.getCalculatedPriority(),
                TaskStatus.parse(r.getStatus()),
                dependencies,
                DependencyType.parse(r.getDependencyType()),
                r.getDependencyDepth(),
                json(r.getInputData()),
                json(r.getResultData()),
                r.getErrorMessage(),
                r.getRetryCount(),
                r.getMaxRetries(),
                r.getMaxExecutionTimeoutSeconds(),
                Timestamps.normalize(r.getSubmittedAt()),
                Timestamps.normalize(r.getStartedAt()),
                Timestamps.normalize(r.getCompletedAt()),
                Timestamps.normalize(r.getLastUpdatedAt()),
                r.getCreatedBy(),
                r.getParentTaskId() == null ? null : new TaskId(r.getParentTaskId()),
                r.getSessionId() == null ? null : new SessionId(r.getSessionId()),
                TaskSource.parse(r.getSource()),
                Timestamps.normalize(r.getDeadline()),
                r.getEstimatedDurationSeconds(),
                r.getFeatureBranch(),
                r.getTaskBranch(),
                r.getWorktreePath(),
                r.getVersion(),
                r.getIdempotencyKey(),
                r.getLeaseOwner(),
                r.getLeaseToken(),
                Timestamps.normalize(r.getLeaseExpiresAt()),
                Timestamps.normalize(r.getRunAfter()),
                r.getAgentId() == null ? null : new AgentId(r.getAgentId()));
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
