package io.stratum.agent;

import io.stratum.internal.values.Enums;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Lifecycle of an agent. The allowed moves are:
 *
 * <pre>
 * idle  -&gt; busy | terminated
 * busy  -&gt; idle | terminated
 * terminated: final
 * </pre>
 */
public enum AgentStatus {
    IDLE,
    BUSY,
    TERMINATED;

    private Set<AgentStatus> successors;

    static {
        IDLE.successors = EnumSet.of(BUSY, TERMINATED);
        BUSY.successors = EnumSet.of(IDLE, TERMINATED);
        TERMINATED.successors = EnumSet.noneOf(AgentStatus.class);
    }

    /** The value stored in the {@code status} column. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an agent may move from this status to {@code next}. */
    public boolean canMoveTo(AgentStatus next) {
        return successors.contains(next);
    }

    /** Parses a stored or user-supplied value (case-insensitive); unknown values give {@link io.stratum.InvalidInput}. */
    public static AgentStatus parse(String value) {
        return Enums.parse(AgentStatus.class, "status", value);
    }
}
