package io.stratum.cli;

import io.stratum.LeaseLost;
import io.stratum.Stratum;
import io.stratum.queue.Lease;
import io.stratum.task.Task;
import io.stratum.task.TaskId;
import java.util.UUID;
import picocli.CommandLine.Option;

/** The lease a worker finishes a task with: the token {@code claim} printed, and optionally the worker id. */
final class LeaseOptions {
    @Option(names = "--token", required = true, paramLabel = "UUID", description = "Lease token printed by claim.")
    UUID token;

    @Option(
            names = "--worker",
            paramLabel = "ID",
            description = "Worker that claimed it (default: the task's lease owner).")
    String worker;

    /** The lease on task {@code id} named by these options; {@link LeaseLost} if the task holds no lease at all. */
    Lease lease(Stratum db, TaskId id) {
        Task task = db.tasks().require(id);
        if (task.leaseOwner() == null || task.leaseExpiresAt() == null) {
            throw new LeaseLost(id, "the task is " + TaskViews.lower(task.status()) + " and holds no lease");
        }
        return new Lease(id, worker != null ? worker : task.leaseOwner(), token, task.leaseExpiresAt());
    }
}
