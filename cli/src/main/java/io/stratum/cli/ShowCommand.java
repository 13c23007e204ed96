package io.stratum.cli;

import io.stratum.Stratum;
import io.stratum.task.Task;
import io.stratum.task.TaskId;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Show one task with the tasks it depends on and the tasks waiting on it.")
final class ShowCommand extends DatabaseCommand {

    @Parameters(paramLabel = "ID", description = "Task id.")
    TaskId id;

    @Override
    int run(Stratum db, Output out) {
        Task task = db.tasks().require(id);
        List<RelatedTasks> dependencies = RelatedTasks.dependenciesOf(db.dsl(), id);
        List<RelatedTasks> dependents = RelatedTasks.dependentsOf(db.dsl(), id);
        if (out.json()) {
            Map<String, Object> json = TaskViews.json(task);
            json.put(
                    "dependencies",
                    dependencies.stream().map(RelatedTasks::json).toList());
            json.put("dependents", dependents.stream().map(RelatedTasks::json).toList());
            out.json(json);
            return 0;
        }
        out.table(TaskViews.details(task));
        print(out, "Depends on", dependencies);
        print(out, "Dependents", dependents);
        return 0;
    }

    private static void print(Output out, String title, List<RelatedTasks> tasks) {
        out.blank();
        if (tasks.isEmpty()) {
            out.line(title + ": none");
            return;
        }
        out.line(title + " (" + tasks.size() + "):");
        Table table = Table.withHeaders("ID", "STATUS", "AGENT", "SUMMARY");
        tasks.forEach(t -> table.row(t.id(), t.status(), t.agentType(), t.summary()));
        out.table(table);
    }
}
