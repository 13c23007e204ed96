package io.stratum.cli;

import io.stratum.task.Task;
import io.stratum.task.TaskId;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How tasks print: a row of a list, a block of details, or a JSON object with every field. */
final class TaskViews {
    private TaskViews() {}

    static Table listTable(List<Task> tasks) {
        Table table = Table.withHeaders("ID", "STATUS", "PRI", "AGENT", "DEPTH", "SUBMITTED", "SUMMARY")
                .alignRight(2, 4);
        for (Task t : tasks) {
            table.row(
                    t.id(),
                    lower(t.status()),
                    t.priority(),
                    t.agentType(),
                    t.dependencyDepth(),
                    seconds(t.submittedAt()),
                    t.summary());
        }
        return table;
    }

    /** Every field that is set, one per line. */
    static Table details(Task t) {
        return Table.keyValue()
                .row("id", t.id())
                .row("summary", t.summary())
                .row("status", lower(t.status()))
                .row("agent type", t.agentType())
                .row(
                        "priority",
                        t.priority() + String.format(Locale.ROOT, " (calculated %.2f)", t.calculatedPriority()))
                .row("dependencies", t.dependencyType().dbValue() + ", depth " + t.dependencyDepth())
                .row("source", t.source().dbValue())
                .row("retries", t.retryCount() + " of " + t.maxRetries())
                .row("timeout", t.maxExecutionTimeoutSeconds() + " s")
                .row("submitted", t.submittedAt())
                .rowIfSet("started", t.startedAt())
                .rowIfSet("completed", t.completedAt())
                .row("updated", t.lastUpdatedAt())
                .rowIfSet("run after", t.runAfter().isAfter(t.lastUpdatedAt()) ? t.runAfter() : null)
                .rowIfSet("deadline", t.deadline())
                .rowIfSet("lease", t.leaseOwner() == null ? null : t.leaseOwner() + " until " + t.leaseExpiresAt())
                .rowIfSet("created by", t.createdBy())
                .rowIfSet("parent", t.parentTaskId())
                .rowIfSet("session", t.sessionId())
                .rowIfSet("feature branch", t.featureBranch())
                .rowIfSet("task branch", t.taskBranch())
                .rowIfSet("worktree", t.worktreePath())
                .rowIfSet("idempotency key", t.idempotencyKey())
                .row("version", t.version())
                .rowIfSet("description", t.description().isEmpty() ? null : t.description())
                .rowIfSet("input", t.inputData())
                .rowIfSet("result", t.resultData())
                .rowIfSet("error", t.errorMessage());
    }

    /** Every column of the task except the lease token, which only its holder should see. */
    static Map<String, Object> json(Task t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id().toString());
        json.put("summary", t.summary());
        json.put("description", t.description());
        json.put("agentType", t.agentType());
        json.put("status", lower(t.status()));
        json.put("priority", t.priority());
        json.put("calculatedPriority", t.calculatedPriority());
        json.put("dependencyType", t.dependencyType().dbValue());
        json.put("dependencyDepth", t.dependencyDepth());
        json.put("dependencies", t.dependencies().stream().map(TaskId::toString).toList());
        json.put("inputData", Jsons.tree(t.inputData()));
        json.put("resultData", Jsons.tree(t.resultData()));
        json.put("errorMessage", t.errorMessage());
        json.put("retryCount", t.retryCount());
        json.put("maxRetries", t.maxRetries());
        json.put("maxExecutionTimeoutSeconds", t.maxExecutionTimeoutSeconds());
        json.put("submittedAt", text(t.submittedAt()));
        json.put("startedAt", text(t.startedAt()));
        json.put("completedAt", text(t.completedAt()));
        json.put("lastUpdatedAt", text(t.lastUpdatedAt()));
        json.put("runAfter", text(t.runAfter()));
        json.put("deadline", text(t.deadline()));
        json.put("createdBy", t.createdBy());
        json.put("parentTaskId", text(t.parentTaskId()));
        json.put("sessionId", text(t.sessionId()));
        json.put("agentId", text(t.agentId()));
        json.put("source", t.source().dbValue());
        json.put("estimatedDurationSeconds", t.estimatedDurationSeconds());
        json.put("featureBranch", t.featureBranch());
        json.put("taskBranch", t.taskBranch());
        json.put("worktreePath", t.worktreePath());
        json.put("idempotencyKey", t.idempotencyKey());
        json.put("leaseOwner", t.leaseOwner());
        json.put("leaseExpiresAt", text(t.leaseExpiresAt()));
        json.put("version", t.version());
        return json;
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** A timestamp to the second, for tables. */
    static String seconds(OffsetDateTime time) {
        return time == null
                ? null
                : DateTimeFormatter.ISO_INSTANT.format(time.toInstant().truncatedTo(ChronoUnit.SECONDS));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
