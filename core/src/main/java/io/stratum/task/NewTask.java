package io.stratum.task;

import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.internal.values.Text;
import io.stratum.session.SessionId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A task to submit. Build one with {@link #builder(String, String)}. The constructor, which the builder calls,
 * validates every field and throws {@link InvalidInput} naming the first bad one, so nothing invalid reaches the
 * database.
 *
 * @param deadline when the task should be done, which raises its calculated priority as it nears; null for none.
 *     Between the years 1000 and 9999, the times every backend stores.
 * @param dependsOn tasks that must complete before this one may run (no duplicates, in the given order)
 * @param idempotencyKey when set, submitting the same key again returns the existing task instead of
 *     creating another one
 * @param id the id the task gets; null (the default) lets Stratum generate one. Choosing ids up front lets
 *     tasks of one {@link TaskRepository#submitAll(List)} batch depend on each other.
 * @param runAfter the earliest time a worker may claim the task; null (the default) or a time already past means
 *     as soon as it is ready. A task with dependencies becomes ready when they complete, but is claimable only
 *     from this time on. Must be before {@link #RUN_AFTER_LIMIT}.
 */
public record NewTask(
        String summary,
        String description,
        String agentType,
        int priority,
        DependencyType dependencyType,
        List<TaskId> dependsOn,
        Json inputData,
        int maxRetries,
        int maxExecutionTimeoutSeconds,
        String createdBy,
        TaskId parentTaskId,
        SessionId sessionId,
        TaskSource source,
        OffsetDateTime deadline,
        Integer estimatedDurationSeconds,
        String featureBranch,
        String taskBranch,
        String worktreePath,
        String idempotencyKey,
        TaskId id,
        Instant runAfter) {

    /** Default priority of a new task (the middle of 0..10). */
    public static final int DEFAULT_PRIORITY = 5;
    /** Default number of retries after the first failed attempt. */
    public static final int DEFAULT_MAX_RETRIES = 3;
    /** Default execution timeout, also the default lease length hint. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 3600;
    /** Longest accepted idempotency key, in characters. */
    public static final int IDEMPOTENCY_KEY_MAX = 255;
    /** The first instant a {@link #runAfter()} may not reach: the year 10000, beyond what every backend stores. */
    public static final Instant RUN_AFTER_LIMIT = Instant.parse("+10000-01-01T00:00:00Z");

    /**
     * Validates every field, whichever way the task is built, and throws {@link InvalidInput} naming the first
     * bad one.
     */
    public NewTask {
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
        TaskValidation.name("createdBy", createdBy);
        if (idempotencyKey != null) {
            Text.required("idempotencyKey", idempotencyKey, IDEMPOTENCY_KEY_MAX);
        }
        if (dependencyType == null) {
            throw new InvalidInput("dependencyType", "is required");
        }
        if (source == null) {
            throw new InvalidInput("source", "is required");
        }
        dependsOn = dependencies(dependsOn);
        if (runAfter != null && !runAfter.isBefore(RUN_AFTER_LIMIT)) {
            throw new InvalidInput(
                    "runAfter", runAfter + " is too late: every backend stores times before " + RUN_AFTER_LIMIT);
        }
    }

    private static List<TaskId> dependencies(List<TaskId> ids) {
        if (ids == null) {
            throw new InvalidInput("dependsOn", "is required (use an empty list for none)");
        }
        for (TaskId id : ids) {
            if (id == null) {
                throw new InvalidInput("dependsOn", "contains null");
            }
        }
        List<TaskId> distinct = List.copyOf(new LinkedHashSet<>(ids));
        if (distinct.size() != ids.size()) {
            throw new InvalidInput("dependsOn", "lists the same task more than once");
        }
        return distinct;
    }

    /** Starts a task with the two required fields: a summary (1..140 characters) and the agent type to run it. */
    public static Builder builder(String summary, String agentType) {
        return new Builder(summary, agentType);
    }

    /** Fluent builder; every setter accepts null where the field is optional. */
    public static final class Builder {
        private final String summary;
        private final String agentType;
        private String description = "";
        private int priority = DEFAULT_PRIORITY;
        private DependencyType dependencyType = DependencyType.SEQUENTIAL;
        private final List<TaskId> dependsOn = new ArrayList<>();
        private Json inputData;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private int maxExecutionTimeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
        private String createdBy;
        private TaskId parentTaskId;
        private SessionId sessionId;
        private TaskSource source = TaskSource.HUMAN;
        private OffsetDateTime deadline;
        private Integer estimatedDurationSeconds;
        private String featureBranch;
        private String taskBranch;
        private String worktreePath;
        private String idempotencyKey;
        private TaskId id;
        private Instant runAfter;

        private Builder(String summary, String agentType) {
            this.summary = summary;
            this.agentType = agentType;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder priority(int value) {
            priority = value;
            return this;
        }

        public Builder dependencyType(DependencyType value) {
            dependencyType = value;
            return this;
        }

        public Builder inputData(Json value) {
            inputData = value;
            return this;
        }

        public Builder maxRetries(int value) {
            maxRetries = value;
            return this;
        }

        public Builder maxExecutionTimeoutSeconds(int value) {
            maxExecutionTimeoutSeconds = value;
            return this;
        }

        public Builder createdBy(String value) {
            createdBy = value;
            return this;
        }

        public Builder parentTaskId(TaskId value) {
            parentTaskId = value;
            return this;
        }

        public Builder sessionId(SessionId value) {
            sessionId = value;
            return this;
        }

        public Builder source(TaskSource value) {
            source = value;
            return this;
        }

        public Builder deadline(OffsetDateTime value) {
            deadline = value;
            return this;
        }

        public Builder estimatedDurationSeconds(Integer value) {
            estimatedDurationSeconds = value;
            return this;
        }

        /** The branch the task's work belongs to, at most 255 characters (it is indexed); null for none. */
        public Builder featureBranch(String value) {
            featureBranch = value;
            return this;
        }

        public Builder taskBranch(String value) {
            taskBranch = value;
            return this;
        }

        public Builder worktreePath(String value) {
            worktreePath = value;
            return this;
        }

        public Builder idempotencyKey(String value) {
            idempotencyKey = value;
            return this;
        }

        /** The id the task will get, e.g. {@link TaskId#generate()}; by default Stratum generates one. */
        public Builder id(TaskId value) {
            id = value;
            return this;
        }

        /**
         * The earliest time a worker may claim the task (null: as soon as it is ready); see
         * {@link NewTask#runAfter()}.
         */
        public Builder runAfter(Instant value) {
            runAfter = value;
            return this;
        }

        /** Adds tasks this one depends on. */
        public Builder dependsOn(TaskId... ids) {
            return dependsOn(ids == null ? null : Arrays.asList(ids));
        }

        /** Adds tasks this one depends on. */
        public Builder dependsOn(List<TaskId> ids) {
            if (ids == null) {
                throw new InvalidInput("dependsOn", "is required (use an empty list for none)");
            }
            dependsOn.addAll(ids);
            return this;
        }

        /** Validates and returns the task; throws {@link InvalidInput} naming the first bad field. */
        public NewTask build() {
            return new NewTask(
                    summary,
                    description,
                    agentType,
                    priority,
                    dependencyType,
                    dependsOn,
                    inputData,
                    maxRetries,
                    maxExecutionTimeoutSeconds,
                    createdBy,
                    parentTaskId,
                    sessionId,
                    source,
                    deadline,
                    estimatedDurationSeconds,
                    featureBranch,
                    taskBranch,
                    worktreePath,
                    idempotencyKey,
                    id,
                    runAfter);
        }
    }
}
