package io.stratum.internal;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.queue.QueueSettings;
import io.stratum.task.TaskStatus;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    enum Outcome { RETRYING, FAILED, LOST }

    /** Columns {@link #record} needs from the task's row. */
    static final List<Field<?>> COLUMNS = List.of(TASKS.ID, TASKS.RETRY_COUNT, TASKS.MAX_RETRIES, TASKS.PRIORITY,
            TASKS.DEPENDENCY_DEPTH, TASKS.DEADLINE);
    private static final Set<TaskStatus> RUNNING = EnumSet.of(TaskStatus.RUNNING);

    private final TaskTransitions transitions;
    private final QueueSettings settings;

    FailedAttempts(TaskTransitions transitions, QueueSettings settings) {
        this.transitions = transitions;
        this.settings = settings;
    }

    /** Records the attempt on {@code row} if the task still matches {@code guard}; {@code LOST} if it does not. */
    Outcome record(DSLContext dsl, Record row, String error, Condition guard, OffsetDateTime now) {
        UUID id = row.get(TASKS.ID);
        int retries = row.get(TASKS.RETRY_COUNT);
        Map<Field<?>, Object> columns = new HashMap<>();
        columns.put(TASKS.ERROR_MESSAGE, error);
        if (retries < row.get(TASKS.MAX_RETRIES)) {
            columns.put(TASKS.RETRY_COUNT, retries + 1);
            columns.put(TASKS.RUN_AFTER, Timestamps.normalize(now.plus(settings.backoff(retries + 1))));
            columns.put(TASKS.CALCULATED_PRIORITY, Promotion.priority(row, now));
            return moved(transitions.move(dsl, List.of(id), RUNNING, TaskStatus.READY, now, columns, guard),
                    Outcome.RETRYING);
        }
        return moved(transitions.move(dsl, List.of(id), RUNNING, TaskStatus.FAILED, now, columns, guard),
                Outcome.FAILED);
    }

    private static Outcome moved(List<UUID> moved, Outcome outcome) {
        return moved.isEmpty() ? Outcome.LOST : outcome;
    }
}
