package io.stratum.agent;

import io.stratum.IllegalTransition;
import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.NotFound;
import io.stratum.Page;
import io.stratum.PageRequest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Registered agents, their heartbeats and status. Every method runs in its own transaction unless called inside
 * {@code Stratum.transaction(...)}. A task records the agent that ran it with
 * {@link io.stratum.task.TaskRepository#assignAgent}.
 *
 * <pre>{@code
 * Agent coder = db.agents().register("coder", "coder-1", Json.of("{\"languages\": [\"java\"]}"));
 * db.agents().updateStatus(coder.id(), AgentStatus.BUSY);
 * db.agents().heartbeat(coder.id());
 * List<Agent> silent = db.agents().listStale(OffsetDateTime.now().minusMinutes(5), 100);
 * }</pre>
 */
public interface AgentRepository {

    /**
     * Registers an agent: status {@code idle}, registered and last heard from now.
     *
     * @param agentType required, 1..{@value Agent#NAME_MAX} characters
     * @param name required, 1..{@value Agent#NAME_MAX} characters
     * @param capabilities optional
     * @throws InvalidInput if a field is not acceptable
     */
    Agent register(String agentType, String name, Json capabilities);

    /** The agent with this id, if any. */
    Optional<Agent> get(AgentId id);

    /** The agent with this id; {@link NotFound} if there is none. */
    Agent require(AgentId id);

    /**
     * Records that the agent is alive now.
     *
     * @throws IllegalTransition if the agent is terminated (its {@code to()} is {@code heartbeat})
     * @throws NotFound if there is no such agent
     */
    Agent heartbeat(AgentId id);

    /**
     * Moves the agent to {@code status} if {@link AgentStatus#canMoveTo} allows it from the stored status; the move
     * counts as a heartbeat.
     *
     * @throws IllegalTransition if the move is not allowed
     * @throws NotFound if there is no such agent
     */
    Agent updateStatus(AgentId id, AgentStatus status);

    /**
     * A page of the agents in {@code status} (all statuses if null), in order of registration (id order).
     *
     * @throws InvalidInput if the cursor was not handed out by this method
     */
    Page<Agent> list(AgentStatus status, PageRequest page);

    /**
     * Agents that are not terminated and were last heard from before {@code heardBefore}, longest silent first: the
     * candidates for {@link AgentStatus#TERMINATED} and for reclaiming their work.
     */
    List<Agent> listStale(OffsetDateTime heardBefore, int limit);
}
