package io.stratum.task;

import io.stratum.internal.values.Enums;
import java.util.Locale;

/**
 * How a task relates to the tasks it depends on.
 *
 * <ul>
 *   <li>{@code SEQUENTIAL} (default): the task becomes ready only when every dependency has completed.
 *   <li>{@code PARALLEL}: the same readiness rule; the flag tells schedulers that the task's own
 *       dependents may be fanned out together with it. Readiness is never relaxed, so no task ever starts
 *       before the tasks it depends on.
 * </ul>
 */
public enum DependencyType {
    SEQUENTIAL,
    PARALLEL;

    /** The value stored in the {@code dependency_type} column. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored or user-supplied value (case-insensitive). */
    public static DependencyType parse(String value) {
        return Enums.parse(DependencyType.class, "dependencyType", value);
    }
}
