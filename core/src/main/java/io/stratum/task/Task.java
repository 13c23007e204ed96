package io.stratum.task;

import io.stratum.Json;
import io.stratum.agent.AgentId;
import io.stratum.session.SessionId;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A stored task, as read from the database: every column of the {@code tasks} table plus the ids of the
 * tasks it depends on. Timestamps are UTC with microsecond precision on every backend.
 *
 * <p>To change the editable fields use {@link #toBuilder()} and {@link TaskRepository#update(Task)}; the
 * {@link #version()} read here is what makes that update optimistic. The constructor checks nothing, so that every
 * stored row can be read; {@link TaskRepository#update(Task)} checks the fields it writes with the rules of
 * {@link NewTask}, however the task was made.
 *
 * @param calculatedPriority the order of the ready queue (highest first):
 *     <pre>
 *     priority                          0..10, given by the submitter
 *     + 0.5 * min(dependency_depth, 10)  0..5: finish chains that are already under way
 *     + urgency(deadline)               0..10: 0 without a deadline or more than 72 h before it,
 *                                       10 * (1 - hours_left / 72) inside the last 72 h, 10 once overdue
 *     </pre>
 *     computed when the task is submitted, edited, or (re)enters {@code ready}, with the clock of that moment
 * @param dependencyDepth 0 without dependencies, else 1 + the largest depth among the dependencies
 * @param version bumped by every edit and every status change
 */
public record Task(
        TaskId id,
        String summary,
        String description,
        String agentType,
        int priority,
        double calculatedPriority,
        TaskStatus status,
        List<TaskId> dependencies,
        DependencyType dependencyType,
        int dependencyDepth,
        Json inputData,
        Json resultData,
        String errorMessage,
        int retryCount,
        int maxRetries,
        int maxExecutionTimeoutSeconds,
        OffsetDateTime submittedAt,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt,
        OffsetDateTime lastUpdatedAt,
        String createdBy,
        TaskId parentTaskId,
        SessionId sessionId,
        TaskSource source,
        OffsetDateTime deadline,
        Integer estimatedDurationSeconds,
        String featureBranch,
        String taskBranch,
        String worktreePath,
        long version,
        String idempotencyKey,
        String leaseOwner,
        UUID leaseToken,
        OffsetDateTime leaseExpiresAt,
        OffsetDateTime runAfter,
        AgentId agentId) {

    public Task {
        dependencies = List.copyOf(dependencies);
    }

    /** A builder pre-filled with this task's editable fields, for {@link TaskRepository#update(Task)}. */
    public Edit toBuilder() {
        return new Edit(this);
    }

    /**
     * Changes to the editable fields of a task. Status, leases, retries and timestamps are not editable
     * here: they move only through the state machine.
     */
    public static final class Edit {
        private final Task base;
        private String summary;
        private String description;
        private String agentType;
        private int priority;
        private Json inputData;
        private int maxRetries;
        private int maxExecutionTimeoutSeconds;
        private OffsetDateTime deadline;
        private Integer estimatedDurationSeconds;
        private String featureBranch;
        private String taskBranch;
        private String worktreePath;

        private Edit(Task base) {
            this.base = base;
            this.summary = base.summary;
            this.description = base.description;
            this.agentType = base.agentType;
            this.priority = base.priority;
            this.inputData = base.inputData;
            this.maxRetries = base.maxRetries;
            this.maxExecutionTimeoutSeconds = base.maxExecutionTimeoutSeconds;
            this.deadline = base.deadline;
            this.estimatedDurationSeconds = base.estimatedDurationSeconds;
            this.featureBranch = base.featureBranch;
            this.taskBranch = base.taskBranch;
            this.worktreePath = base.worktreePath;
        }

        public Edit summary(String value) {
            summary = value;
            return this;
        }

        public Edit description(String value) {
            description = value;
            return this;
        }

        public Edit agentType(String value) {
            agentType = value;
            return this;
        }

        public Edit priority(int value) {
            priority = value;
            return this;
        }

        public Edit inputData(Json value) {
            inputData = value;
            return this;
        }

        public Edit maxRetries(int value) {
            maxRetries = value;
            return this;
        }

        public Edit maxExecutionTimeoutSeconds(int value) {
            maxExecutionTimeoutSeconds = value;
            return this;
        }

        public Edit deadline(OffsetDateTime value) {
            deadline = value;
            return this;
        }

        public Edit estimatedDurationSeconds(Integer value) {
            estimatedDurationSeconds = value;
            return this;
        }

        public Edit featureBranch(String value) {
            featureBranch = value;
            return this;
        }

        public Edit taskBranch(String value) {
            taskBranch = value;
            return this;
        }

        public Edit worktreePath(String value) {
            worktreePath = value;
            return this;
        }

        /** The edited task, validated with the same rules as {@link NewTask}; version unchanged. */
        public Task build() {
            TaskValidation.editableFields(
                    summary,
                    description,
                    agentType,
                    priority,
                    maxRetries,
                    maxExecutionTimeoutSeconds,
                    estimatedDurationSeconds,
                    deadline,
                    featureBranch,
                    taskBranch,
                    worktreePath);
            Task b = base;
            return new Task(
                    b.id,
                    summary,
                    description,
                    agentType,
                    priority,
                    b.calculatedPriority,
                    b.status,
                    b.dependencies,
                    b.dependencyType,
                    b.dependencyDepth,
                    inputData,
                    b.resultData,
                    b.errorMessage,
                    b.retryCount,
                    maxRetries,
                    maxExecutionTimeoutSeconds,
                    b.submittedAt,
                    b.startedAt,
                    b.completedAt,
                    b.lastUpdatedAt,
                    b.createdBy,
                    b.parentTaskId,
                    b.sessionId,
                    b.source,
                    deadline,
                    estimatedDurationSeconds,
                    featureBranch,
                    taskBranch,
                    worktreePath,
                    b.version,
                    b.idempotencyKey,
                    b.leaseOwner,
                    b.leaseToken,
                    b.leaseExpiresAt,
                    b.runAfter,
                    b.agentId);
        }
    }
}
