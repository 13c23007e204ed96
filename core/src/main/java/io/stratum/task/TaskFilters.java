package io.stratum.task;

import io.stratum.InvalidInput;
import io.stratum.session.SessionId;

/**
 * Criteria for {@link TaskRepository#list(TaskFilters)} and {@link TaskRepository#count(TaskFilters)}. Every
 * criterion is optional; set ones are combined with AND. Results are ordered by calculated priority
 * (highest first), then submission time (oldest first), then id, so paging with limit and offset is stable.
 *
 * @param limit at most this many rows (1..{@value #MAX_LIMIT}); ignored by count
 * @param offset rows to skip (0 or more); ignored by count
 */
public record TaskFilters(
        TaskStatus status,
        String agentType,
        String featureBranch,
        SessionId sessionId,
        TaskId parentTaskId,
        int limit,
        int offset) {

    /** Largest page size. */
    public static final int MAX_LIMIT = 10_000;
    /** Page size when none is given. */
    public static final int DEFAULT_LIMIT = 100;

    public TaskFilters {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", limit + " is outside 1.." + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new InvalidInput("offset", offset + " must not be negative");
        }
    }

    /** No criteria, first page of {@value #DEFAULT_LIMIT}. */
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
        private int limit = DEFAULT_LIMIT;
        private int offset;

        private Builder() {
        }

        public Builder status(TaskStatus value) { status = value; return this; }
        public Builder agentType(String value) { agentType = value; return this; }
        public Builder featureBranch(String value) { featureBranch = value; return this; }
        public Builder sessionId(SessionId value) { sessionId = value; return this; }
        public Builder parentTaskId(TaskId value) { parentTaskId = value; return this; }
        public Builder limit(int value) { limit = value; return this; }
        public Builder offset(int value) { offset = value; return this; }

        public TaskFilters build() {
            TaskValidation.name("agentType", agentType);
            TaskValidation.branchOrPath("featureBranch", featureBranch);
            return new TaskFilters(status, agentType, featureBranch, sessionId, parentTaskId, limit, offset);
        }
    }
}
