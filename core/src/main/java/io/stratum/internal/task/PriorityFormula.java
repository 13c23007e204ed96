package io.stratum.internal.task;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The calculated priority that orders the ready queue:
 *
 * <pre>
 * calculated_priority = priority                      (0..10, given by the submitter)
 *                     + 0.5 * min(dependency_depth, 10)   (0..5: finish chains that are already under way)
 *                     + urgency(deadline)             (0..10)
 * urgency = 0 without a deadline or with more than 72 h left,
 *           10 * (1 - hours_left / 72) inside the last 72 h, 10 once overdue
 * </pre>
 *
 * The value is computed when a task is submitted, edited, or (re)enters ready, with the clock of that
 * moment: a task whose deadline approaches while it waits gains urgency the next time one of those
 * happens, not continuously.
 */
public final class PriorityFormula {
    /** Inside this window before its deadline a task gains urgency. */
    public static final Duration URGENCY_WINDOW = Duration.ofHours(72);

    private PriorityFormula() {}

    public static double calculate(int priority, int dependencyDepth, OffsetDateTime deadline, OffsetDateTime now) {
        return priority + 0.5 * Math.min(dependencyDepth, 10) + urgency(deadline, now);
    }

    static double urgency(OffsetDateTime deadline, OffsetDateTime now) {
        if (deadline == null) {
            return 0;
        }
        long leftMillis = Duration.between(now, deadline).toMillis();
        if (leftMillis <= 0) {
            return 10;
        }
        double fraction = (double) leftMillis / URGENCY_WINDOW.toMillis();
        return fraction >= 1 ? 0 : 10 * (1 - fraction);
    }
}
