package io.stratum.dashboard;

import io.stratum.Json;
import io.stratum.Page;
import io.stratum.agent.Agent;
import io.stratum.audit.AuditEntry;
import io.stratum.memory.MemoryEntry;
import io.stratum.session.Session;
import io.stratum.session.SessionEvent;
import io.stratum.task.Task;
import io.stratum.task.TaskId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The JSON shapes of the endpoints. Stored strings go out as JSON strings, never as markup: the page puts them into
 * the document as text. JSON columns (task input and result, payloads, memory values) go out as their text.
 */
final class Views {
    private Views() {}

    /** A page of items: {@code {"items": [...], "nextCursor": ...}}, plus the total when it is known. */
    static <T> Map<String, Object> page(Page<T> page, Function<T, Map<String, Object>> view, Long total) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (total != null) {
            json.put("total", total);
        }
        json.put("items", page.items().stream().map(view).toList());
        json.put("nextCursor", page.nextCursor());
        return json;
    }

    /** The columns a task list shows. */
    static Map<String, Object> taskRow(Task t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id().toString());
        json.put("summary", t.summary());
        json.put("status", lower(t.status()));
        json.put("agentType", t.agentType());
        json.put("priority", t.priority());
        json.put("dependencyDepth", t.dependencyDepth());
        json.put("submittedAt", text(t.submittedAt()));
        json.put("featureBranch", t.featureBranch());
        return json;
    }

    /** Every field of a task but the lease token, which only its holder should see. */
    static Map<String, Object> task(Task t) {
        Map<String, Object> json = taskRow(t);
        json.put("description", t.description());
        json.put("calculatedPriority", t.calculatedPriority());
        json.put("dependencyType", t.dependencyType().dbValue());
        json.put("dependencies", t.dependencies().stream().map(TaskId::toString).toList());
        json.put("source", t.source().dbValue());
        json.put("retryCount", t.retryCount());
        json.put("maxRetries", t.maxRetries());
        json.put("maxExecutionTimeoutSeconds", t.maxExecutionTimeoutSeconds());
        json.put("startedAt", text(t.startedAt()));
        json.put("completedAt", text(t.completedAt()));
        json.put("lastUpdatedAt", text(t.lastUpdatedAt()));
        json.put("runAfter", text(t.runAfter()));
        json.put("deadline", text(t.deadline()));
        json.put("estimatedDurationSeconds", t.estimatedDurationSeconds());
        json.put("createdBy", t.createdBy());
        json.put("parentTaskId", text(t.parentTaskId()));
        json.put("sessionId", text(t.sessionId()));
        json.put("taskBranch", t.taskBranch());
        json.put("worktreePath", t.worktreePath());
        json.put("idempotencyKey", t.idempotencyKey());
        json.put("leaseOwner", t.leaseOwner());
        json.put("leaseExpiresAt", text(t.leaseExpiresAt()));
        json.put("agentId", text(t.agentId()));
        json.put("version", t.version());
        json.put("inputData", text(t.inputData()));
        json.put("resultData", text(t.resultData()));
        json.put("errorMessage", t.errorMessage());
        return json;
    }

    static Map<String, Object> audit(AuditEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", text(e.at()));
        json.put("actor", e.actor());
        json.put("action", e.action());
        json.put("entityType", e.entityType());
        json.put("entityId", e.entityId());
        json.put("before", text(e.before()));
        json.put("after", text(e.after()));
        return json;
    }

    static Map<String, Object> session(Session s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id().toString());
        json.put("name", s.name());
        json.put("status", lower(s.status()));
        json.put("createdBy", s.createdBy());
        json.put("startedAt", text(s.startedAt()));
        json.put("endedAt", text(s.endedAt()));
        json.put("events", s.lastEventSeq());
        json.put("metadata", text(s.metadata()));
        return json;
    }

    static Map<String, Object> event(SessionEvent e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", e.seq());
        json.put("type", e.type());
        json.put("at", text(e.at()));
        json.put("payload", text(e.payload()));
        return json;
    }

    static Map<String, Object> agent(Agent a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id().toString());
        json.put("name", a.name());
        json.put("agentType", a.agentType());
        json.put("status", lower(a.status()));
        json.put("registeredAt", text(a.registeredAt()));
        json.put("lastHeartbeatAt", text(a.lastHeartbeatAt()));
        json.put("terminatedAt", text(a.terminatedAt()));
        json.put("capabilities", text(a.capabilities()));
        return json;
    }

    static Map<String, Object> memory(MemoryEntry m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("namespace", m.namespace());
        json.put("key", m.key());
        json.put("version", m.version());
        json.put("value", text(m.value()));
        json.put("updatedBy", m.updatedBy());
        json.put("updatedAt", text(m.updatedAt()));
        json.put("createdBy", m.createdBy());
        json.put("createdAt", text(m.createdAt()));
        json.put("expiresAt", text(m.expiresAt()));
        json.put("deletedAt", text(m.deletedAt()));
        return json;
    }

    static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    /** {@code value} as text (timestamps in ISO-8601, JSON as written), or null. */
    static String text(Object value) {
        return value instanceof Json json ? json.text() : Objects.toString(value, null);
    }
}
