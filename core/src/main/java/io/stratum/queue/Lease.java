package io.stratum.queue;

import io.stratum.InvalidInput;
import io.stratum.task.TaskId;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The right to finish one running task, handed out by {@link TaskQueue#claim}. It is held until
 * {@link #expiresAt()}: after that {@link TaskQueue#complete}, {@link TaskQueue#fail} and
 * {@link TaskQueue#heartbeat} refuse it with {@link io.stratum.LeaseLost}, whether or not the task has been
 * reclaimed yet.
 *
 * @param taskId the claimed task
 * @param owner the worker id given to {@code claim}
 * @param token fresh for every claim call; together with the task id it names this lease and no later one
 * @param expiresAt end of the lease (UTC, microseconds)
 */
public record Lease(TaskId taskId, String owner, UUID token, OffsetDateTime expiresAt) {
    public Lease {
        if (taskId == null || owner == null || token == null || expiresAt == null) {
            throw new InvalidInput("lease", "taskId, owner, token and expiresAt are all required");
        }
    }
}
