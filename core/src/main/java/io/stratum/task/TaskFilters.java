package io.stratum.task;

import io.stratum.PageRequest;
import io.stratum.session.SessionId;

/**
 * Criteria for {@link TaskRepository#list(TaskFilters, PageRequest)} and {@link TaskRepository#count(TaskFilters)}.
 * Every criterion is optional; set ones are combined with AND. Tasks are listed by calculated priority (highest
 * first), then submission time (oldest first), then id.
 */
public record TaskFilters(
        TaskStatus status, String agentType, String featureBranch, SessionId sessionId, TaskId parentTaskId) {

    /** No criteria: every task. */
    public static TaskFilters all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder for filters. */
    public static final class Builder {
        private TaskStatus status;
        private String agentType;
        private String featureBranch;
        private SessionId sessionId;
        private TaskId parentTaskId;

        private Builder() {}

        public Builder status(TaskStatus value) {
            status = value;
            return this;
        }

        public Builder agentType(String value) {
            agentType = value;
            return this;
        }

        public Builder featureBranch(String value) {
            featureBranch = value;
            return this;
        }

        public Builder sessionId(SessionId value) {
            sessionId = value;
            return this;
        }

        public Builder parentTaskId(TaskId value) {
            parentTaskId = value;
            return this;
        }

        public TaskFilters build() {
            TaskValidation.name("agentType", agentType);
            TaskValidation.featureBranch(featureBranch);
            return new TaskFilters(status, agentType, featureBranch, sessionId, parentTaskId);
        }
    }
}
