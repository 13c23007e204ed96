package io.stratum.internal.queue;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.internal.observe.QueueEvents;
import io.stratum.internal.task.TaskMove;
import io.stratum.internal.task.TaskTransitions;
import io.stratum.internal.values.Timestamps;
import io.stratum.internal.wake.WakeUps;
import io.stratum.queue.QueueSettings;
import io.stratum.task.TaskStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

/**
 * A failed attempt of a running task, reported by its worker or left behind by an expired lease: back to
 * {@code ready} after a back-off while retries remain, else {@code failed}.
 */
final class FailedAttempts {
    /** What became of an attempt. */
    enum Outcome {
        RETRYING,
        FAILED,
        LOST
    }

    /** Columns {@link #record} needs from the task's row. */
    static final List<Field<?>> COLUMNS = List.of(
            TASKS.ID, TASKS.RETRY_COUNT, TASKS.MAX_RETRIES, TASKS.PRIORITY, TASKS.DEPENDENCY_DEPTH, TASKS.DEADLINE);

    private final TaskTransitions transitions;
    private final QueueSettings settings;
    private final WakeUps wakeUps;
    private final QueueEvents events;

    FailedAttempts(TaskTransitions transitions, QueueSettings settings, WakeUps wakeUps, QueueEvents events) {
        this.transitions = transitions;
        this.settings = settings;
        this.wakeUps = wakeUps;
        this.events = events;
    }

    /**
     * Records the attempt on {@code row} if the task still matches {@code guard}, audited as done by {@code actor};
     * {@code LOST} if it does not match.
     */
    Outcome record(DSLContext dsl, Record row, String error, Condition guard, String actor, OffsetDateTime now) {
        List<UUID> task = List.of(row.get(TASKS.ID));
        int retries = row.get(TASKS.RETRY_COUNT);
        if (retries < row.get(TASKS.MAX_RETRIES)) {
            TaskMove retry = TaskMove.of(TaskStatus.RUNNING, TaskStatus.READY)
                    .set(TASKS.ERROR_MESSAGE, error)
                    .set(TASKS.RETRY_COUNT, retries + 1)
                    .set(TASKS.RUN_AFTER, Timestamps.normalize(now.plus(settings.backoff(retries + 1))))
                    .set(TASKS.CALCULATED_PRIORITY, Promotion.priority(row, now));
            Outcome outcome =
                    moved(transitions.move(dsl, task, retry.where(guard).by(actor), now), Outcome.RETRYING);
            if (outcome == Outcome.RETRYING) {
                wakeUps.madeReady();
                events.attemptFailed(true);
            }
            return outcome;
        }
        TaskMove fail = TaskMove.of(TaskStatus.RUNNING, TaskStatus.FAILED).set(TASKS.ERROR_MESSAGE, error);
        Outcome outcome = moved(transitions.move(dsl, task, fail.where(guard).by(actor), now), Outcome.FAILED);
        if (outcome == Outcome.FAILED) {
            events.attemptFailed(false);
        }
        return outcome;
    }

    private static Outcome moved(List<UUID> moved, Outcome outcome) {
        return moved.isEmpty() ? Outcome.LOST : outcome;
    }
}
