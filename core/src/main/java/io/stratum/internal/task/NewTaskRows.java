package io.stratum.internal.task;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.codegen.jooq.tables.records.TasksRecord;
import io.stratum.internal.task.BatchGraph.Placed;
import io.stratum.internal.values.Timestamps;
import io.stratum.task.NewTask;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;

/** The row a submitted task is stored as. */
final class NewTaskRows {
    private NewTaskRows() {}

    /** The row of {@code task}, stored under {@code id} with its resolved parent, placement and submission time. */
    static TasksRecord row(DSLContext dsl, UUID id, NewTask task, UUID parent, Placed placed, OffsetDateTime now) {
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
        row.set(TASKS.PARENT_TASK_ID, parent);
        row.set(
                TASKS.SESSION_ID,
                task.sessionId() == null ? null : task.sessionId().value());
        row.set(TASKS.SOURCE, task.source().dbValue());
        row.set(TASKS.DEADLINE, deadline);
        row.set(TASKS.ESTIMATED_DURATION_SECONDS, task.estimatedDurationSeconds());
        row.set(TASKS.FEATURE_BRANCH, task.featureBranch());
        row.set(TASKS.TASK_BRANCH, task.taskBranch());
        row.set(TASKS.WORKTREE_PATH, task.worktreePath());
        row.set(TASKS.VERSION, 0L);
        row.set(TASKS.IDEMPOTENCY_KEY, task.idempotencyKey());
        row.set(TASKS.RUN_AFTER, runAfter(task, now));
        return row;
    }

    /** The later of the task's own {@code runAfter} and {@code now}. */
    private static OffsetDateTime runAfter(NewTask task, OffsetDateTime now) {
        // Compared as instants first: one far in the past has no date-time in UTC.
        if (task.runAfter() == null || !task.runAfter().isAfter(now.toInstant())) {
            return now;
        }
        return Timestamps.normalize(task.runAfter().atOffset(ZoneOffset.UTC));
    }
}
