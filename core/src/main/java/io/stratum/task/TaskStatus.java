package io.stratum.task;

import io.stratum.InvalidInput;
import io.stratum.internal.values.Enums;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Lifecycle of a task. The allowed moves are:
 *
 * <pre>
 * pending  -&gt; ready | blocked | cancelled
 * blocked  -&gt; ready | pending | cancelled
 * ready    -&gt; running | pending | blocked | cancelled
 * running  -&gt; completed | failed | ready | cancelled      (ready: retry or reclaimed lease)
 * failed   -&gt; ready | cancelled                           (manual retry)
 * completed, cancelled: final
 * </pre>
 */
public enum TaskStatus {
    PENDING,
    BLOCKED,
    READY,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    private Set<TaskStatus> successors;

    static {
        PENDING.successors = EnumSet.of(READY, BLOCKED, CANCELLED);
        BLOCKED.successors = EnumSet.of(READY, PENDING, CANCELLED);
        READY.successors = EnumSet.of(RUNNING, PENDING, BLOCKED, CANCELLED);
        RUNNING.successors = EnumSet.of(COMPLETED, FAILED, READY, CANCELLED);
        FAILED.successors = EnumSet.of(READY, CANCELLED);
        COMPLETED.successors = EnumSet.noneOf(TaskStatus.class);
        CANCELLED.successors = EnumSet.noneOf(TaskStatus.class);
    }

    /** The value stored in the {@code status} column. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the state machine allows moving from this status to {@code next}. */
    public boolean canMoveTo(TaskStatus next) {
        return successors.contains(next);
    }

    /** Statuses from which {@code target} may be reached. */
    public static Set<TaskStatus> predecessorsOf(TaskStatus target) {
        Set<TaskStatus> result = EnumSet.noneOf(TaskStatus.class);
        for (TaskStatus s : values()) {
            if (s.canMoveTo(target)) {
                result.add(s);
            }
        }
        return result;
    }

    /** Whether no further transition is possible. */
    public boolean isFinal() {
        return successors.isEmpty();
    }

    /** Parses a stored or user-supplied value (case-insensitive); unknown values give {@link InvalidInput}. */
    public static TaskStatus parse(String value) {
        return Enums.parse(TaskStatus.class, "status", value);
    }
}
