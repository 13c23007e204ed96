package io.stratum.cli;

import io.stratum.Page;
import io.stratum.PageRequest;
import io.stratum.Stratum;
import io.stratum.session.SessionId;
import io.stratum.task.Task;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "List tasks, highest priority first; every filter is optional.")
final class ListCommand extends DatabaseCommand {

    @Option(
            names = "--status",
            paramLabel = "STATUS",
            description = "pending, blocked, ready, running, completed, failed or cancelled.")
    TaskStatus status;

    @Option(names = "--agent", paramLabel = "TYPE", description = "Agent type, e.g. coder.")
    String agentType;

    @Option(names = "--feature-branch", paramLabel = "BRANCH")
    String featureBranch;

    @Option(names = "--session", paramLabel = "UUID")
    SessionId session;

    @Option(names = "--parent", paramLabel = "ID", description = "Children of this task.")
    TaskId parent;

    @Option(
            names = "--after",
            paramLabel = "CURSOR",
            description = "Start after this cursor (printed under the previous page).")
    String after;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "" + PageRequest.DEFAULT_LIMIT,
            description = "At most N tasks (default: ${DEFAULT-VALUE}, at most " + PageRequest.MAX_LIMIT + ").")
    int limit;

    @Override
    int run(Stratum db, Output out) {
        TaskFilters filters = TaskFilters.builder()
                .status(status)
                .agentType(agentType)
                .featureBranch(featureBranch)
                .sessionId(session)
                .parentTaskId(parent)
                .build();
        Page<Task> page =
                db.tasks().list(filters, after == null ? PageRequest.first(limit) : PageRequest.after(after, limit));
        List<Task> tasks = page.items();
        long total = db.tasks().count(filters);
        if (out.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("total", total);
            json.put("tasks", tasks.stream().map(TaskViews::json).toList());
            json.put("nextCursor", page.nextCursor());
            out.json(json);
            return 0;
        }
        if (tasks.isEmpty()) {
            out.line(total == 0 ? "No tasks match." : "No tasks after that cursor (" + total + " match).");
            return 0;
        }
        out.table(TaskViews.listTable(tasks));
        if (page.hasMore()) {
            out.blank();
            out.line("Showing " + tasks.size() + " of " + total + " matching tasks.");
            out.line("More tasks follow: --after " + page.nextCursor());
        }
        return 0;
    }
}
