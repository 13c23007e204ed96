package io.stratum.task;

import io.stratum.InvalidInput;
import io.stratum.internal.values.Text;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Field rules shared by {@link NewTask} and {@link Task.Edit}; they mirror the schema's CHECK constraints. */
final class TaskValidation {
    static final int SUMMARY_MAX = 140;
    static final int DESCRIPTION_MAX = 100_000;
    static final int NAME_MAX = 200;
    static final int PATH_MAX = 4_096;
    /** Indexed text, as an idempotency key: MariaDB stores it as VARCHAR(255), where a longer value would not fit. */
    static final int KEY_MAX = NewTask.IDEMPOTENCY_KEY_MAX;

    static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    static final int ERROR_MAX = 100_000;

    private TaskValidation() {}

    /** The fields a submitter sets and an editor may change, checked in declaration order. */
    static void editableFields(
            String summary,
            String description,
            String agentType,
            int priority,
            int maxRetries,
            int timeoutSeconds,
            Integer estimatedDurationSeconds,
            OffsetDateTime deadline,
            String featureBranch,
            String taskBranch,
            String worktreePath) {
        summary(summary);
        description(description);
        agentType(agentType);
        priority(priority);
        maxRetries(maxRetries);
        timeout(timeoutSeconds);
        estimatedDuration(estimatedDurationSeconds);
        storable("deadline", deadline == null ? null : deadline.toInstant());
        featureBranch(featureBranch);
        branchOrPath("taskBranch", taskBranch);
        branchOrPath("worktreePath", worktreePath);
    }

    static void summary(String value) {
        Text.required("summary", value, SUMMARY_MAX);
    }

    static void description(String value) {
        if (value == null) {
            throw new InvalidInput("description", "is required (use an empty string for none)");
        }
        Text.optional("description", value, DESCRIPTION_MAX);
    }

    static void agentType(String value) {
        Text.required("agentType", value, NAME_MAX);
    }

    static void priority(int value) {
        if (value < 0 || value > 10) {
            throw new InvalidInput("priority", value + " is outside 0..10");
        }
    }

    static void maxRetries(int value) {
        if (value < 0 || value > 1_000) {
            throw new InvalidInput("maxRetries", value + " is outside 0..1000");
        }
    }

    static void timeout(int value) {
        if (value < 1) {
            throw new InvalidInput("maxExecutionTimeoutSeconds", value + " must be at least 1");
        }
    }

    static void estimatedDuration(Integer value) {
        if (value != null && value < 0) {
            throw new InvalidInput("estimatedDurationSeconds", value + " must not be negative");
        }
    }

    /** Refuses a time outside what every backend stores (MariaDB's DATETIME holds the years 1000 to 9999). */
    static void storable(String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || !value.isBefore(NewTask.RUN_AFTER_LIMIT))) {
            throw new InvalidInput(
                    field,
                    value + " is outside the times every backend stores, " + EARLIEST + " up to (not including) "
                            + NewTask.RUN_AFTER_LIMIT);
        }
    }

    static void featureBranch(String value) {
        Text.optional("featureBranch", value, KEY_MAX);
    }

    static void branchOrPath(String field, String value) {
        Text.optional(field, value, PATH_MAX);
    }

    static void name(String field, String value) {
        Text.optional(field, value, NAME_MAX);
    }
}
