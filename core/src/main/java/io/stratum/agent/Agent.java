package io.stratum.agent;

import io.stratum.Json;
import java.time.OffsetDateTime;

/**
 * A registered agent: a worker of some type that runs tasks and proves it is alive with heartbeats.
 *
 * @param agentType the kind of work it does, matching {@code Task.agentType()}
 * @param capabilities what it can do, as the application describes it
 * @param terminatedAt when it moved to {@link AgentStatus#TERMINATED}, else null
 */
public record Agent(
        AgentId id,
        String agentType,
        String name,
        AgentStatus status,
        Json capabilities,
        OffsetDateTime registeredAt,
        OffsetDateTime lastHeartbeatAt,
        OffsetDateTime terminatedAt) {

    /** Longest agent type and name, in characters. */
    public static final int NAME_MAX = 200;
}
