package io.stratum.cli;

import io.stratum.Stratum;
import io.stratum.task.Task;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "fail",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description =
                "Record a failed attempt of a claimed task: it is retried with back-off until its retries run out.")
final class FailCommand extends DatabaseCommand {

    @Parameters(paramLabel = "ID", description = "Task id.")
    TaskId id;

    @Mixin
    LeaseOptions lease;

    @Option(names = "--error", paramLabel = "TEXT", description = "What went wrong.")
    String error;

    @Override
    int run(Stratum db, Output out) {
        db.queue().fail(lease.lease(db, id), error);
        Task task = db.tasks().require(id);
        if (out.json()) {
            out.json(TaskViews.json(task));
        } else if (task.status() == TaskStatus.FAILED) {
            out.line("Failed " + id + " for good after " + task.retryCount()
                    + " retries; its dependents are blocked or cancelled.");
        } else {
            out.line("Failed attempt of " + id + ": retry " + task.retryCount() + " of " + task.maxRetries() + " after "
                    + TaskViews.seconds(task.runAfter()) + ".");
        }
        return 0;
    }
}
