package io.stratum.cli;

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

@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "List tasks, highest priority first; every filter is optional.")
final class ListCommand extends DatabaseCommand {

    @Option(names = "--status", paramLabel = "STATUS",
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

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + TaskFilters.DEFAULT_LIMIT,
            description = "At most N tasks (default: ${DEFAULT-VALUE}, at most " + TaskFilters.MAX_LIMIT + ").")
    int limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Skip the first N.")
    int offset;

    @Override
    int run(Stratum db, Output out) {
        TaskFilters filters = TaskFilters.builder()
                .status(status).agentType(agentType).featureBranch(featureBranch)
                .sessionId(session).parentTaskId(parent)
                .limit(limit).offset(offset)
                .build();
        List<Task> tasks = db.tasks().list(filters);
        long total = db.tasks().count(filters);
        if (out.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("total", total);
            json.put("offset", offset);
            json.put("tasks", tasks.stream().map(TaskViews::json).toList());
            out.json(json);
            return 0;
        }
        if (tasks.isEmpty()) {
            out.line(total == 0 ? "No tasks match." : "No tasks past offset " + offset + " (" + total + " match).");
            return 0;
        }
        out.table(TaskViews.listTable(tasks));
        if (tasks.size() < total) {
            out.blank();
            out.line("Showing " + (offset + 1) + "-" + (offset + tasks.size()) + " of " + total
                    + " tasks (use --limit and --offset for more).");
        }
        return 0;
    }
}
