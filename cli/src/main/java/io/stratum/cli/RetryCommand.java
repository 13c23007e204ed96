package io.stratum.cli;

import io.stratum.Stratum;
import io.stratum.task.Task;
import io.stratum.task.TaskId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "retry",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Put a failed task back in the queue with its retries reset; its blocked dependents wait again.")
final class RetryCommand extends DatabaseCommand {

    @Parameters(paramLabel = "ID", description = "Task id.")
    TaskId id;

    @Override
    int run(Stratum db, Output out) {
        Task task = db.queue().retry(id);
        if (out.json()) {
            out.json(TaskViews.json(task));
        } else {
            out.line("Retrying " + id + ": " + TaskViews.lower(task.status()) + ".");
        }
        return 0;
    }
}
