package io.stratum.cli;

import io.stratum.Json;
import io.stratum.Stratum;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "complete",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Mark a claimed task completed; dependents whose dependencies are all done become ready.")
final class CompleteCommand extends DatabaseCommand {

    @Parameters(paramLabel = "ID", description = "Task id.")
    TaskId id;

    @Mixin
    LeaseOptions lease;

    @Option(names = "--result", paramLabel = "JSON", description = "Result document, e.g. '{\"pr\": 17}'.")
    Json result;

    @Override
    int run(Stratum db, Output out) {
        db.queue().complete(lease.lease(db, id), result);
        List<RelatedTasks> ready = RelatedTasks.dependentsOf(db.dsl(), id).stream()
                .filter(t -> t.status().equals(TaskStatus.READY.dbValue()))
                .toList();
        if (out.json()) {
            Map<String, Object> json = TaskViews.json(db.tasks().require(id));
            json.put("readyDependents", ready.stream().map(RelatedTasks::json).toList());
            out.json(json);
        } else {
            out.line("Completed " + id + (ready.isEmpty() ? "." : "; ready now: " + ready.size() + " dependent(s)."));
        }
        return 0;
    }
}
