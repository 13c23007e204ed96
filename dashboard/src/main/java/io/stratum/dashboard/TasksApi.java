package io.stratum.dashboard;

import io.stratum.Page;
import io.stratum.PageRequest;
import io.stratum.Stratum;
import io.stratum.audit.AuditActions;
import io.stratum.audit.AuditEntry;
import io.stratum.audit.AuditQuery;
import io.stratum.session.SessionId;
import io.stratum.task.Task;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code /api/tasks}: the task list with the {@code stratum list} filters, one task with its audit trail, its graph. */
final class TasksApi {
    static final int DEFAULT_LIMIT = 50;
    private static final Set<String> LIST_PARAMS =
            Set.of("status", "agent", "featureBranch", "session", "parent", "after", "limit");
    private static final Set<String> TASK_PARAMS = Set.of("after", "limit");

    private final Stratum db;
    private final TaskGraph graph;

    TasksApi(Stratum db) {
        this.db = db;
        this.graph = new TaskGraph(db);
    }

    /** A page of tasks matching the filters, highest priority first, with the number that match. */
    Map<String, Object> list(URI uri) {
        Request request = Request.of(uri, LIST_PARAMS);
        TaskFilters filters = TaskFilters.builder()
                .status(request.choice("status", TaskStatus.class))
                .agentType(request.text("agent"))
                .featureBranch(request.text("featureBranch"))
                .sessionId(request.parsed("session", SessionId::parse))
                .parentTaskId(request.parsed("parent", TaskId::parse))
                .build();
        PageRequest page = request.page(DEFAULT_LIMIT);
        return Views.page(
                db.tasks().list(filters, page), Views::taskRow, db.tasks().count(filters));
    }

    /** Every field of one task and a page of its audit trail, oldest first ({@code after}, {@code limit}). */
    Map<String, Object> task(String idText, URI uri) {
        Request request = Request.of(uri, TASK_PARAMS);
        Task task = db.tasks().require(taskId(idText));
        Page<AuditEntry> audit = db.audit()
                .query(
                        AuditQuery.builder()
                                .entity(AuditActions.TASK, task.id().toString())
                                .build(),
                        request.page(DEFAULT_LIMIT));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task", Views.task(task));
        json.put("audit", Views.page(audit, Views::audit, null));
        return json;
    }

    /** The dependency graph around one task: see {@link TaskGraph}. */
    Map<String, Object> graph(String idText, URI uri) {
        Request.of(uri, Set.of());
        return graph.around(db.tasks().require(taskId(idText)));
    }

    private static TaskId taskId(String text) {
        try {
            return TaskId.parse(text);
        } catch (RuntimeException e) {
            throw ApiError.badRequest("'" + text + "' is not a task id");
        }
    }
}
