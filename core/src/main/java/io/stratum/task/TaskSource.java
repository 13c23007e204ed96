package io.stratum.task;

import io.stratum.internal.values.Enums;
import java.util.Locale;

/** Who created a task. */
public enum TaskSource {
    HUMAN,
    AGENT_REQUIREMENTS,
    AGENT_PLANNER,
    AGENT_IMPLEMENTATION;

    /** The value stored in the {@code source} column. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored or user-supplied value (case-insensitive). */
    public static TaskSource parse(String value) {
        return Enums.parse(TaskSource.class, "source", value);
    }
}
