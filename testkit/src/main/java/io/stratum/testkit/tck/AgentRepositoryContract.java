package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.ConstraintViolation;
import io.stratum.IllegalTransition;
import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.NotFound;
import io.stratum.PageRequest;
import io.stratum.agent.Agent;
import io.stratum.agent.AgentId;
import io.stratum.agent.AgentStatus;
import io.stratum.task.NewTask;
import io.stratum.task.Task;
import io.stratum.task.TaskId;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Agents: registration, heartbeats, the status state machine, stale agents; identical on every backend. */
public abstract class AgentRepositoryContract extends ContractSupport {

    private Agent register(String name) {
        return db.agents().register("coder", name, null);
    }

    @Test
    void registerAndRead() {
        Json capabilities = Json.of("{\"tools\": [\"git\", \"mvn\"], \"languages\": [\"java\"]}");
        OffsetDateTime now = StoredTime.now(clock);
        Agent agent = db.agents().register("rust-specialist", "agent-7", capabilities);

        assertThat(agent.id().value().version()).isEqualTo(7);
        assertThat(agent.agentType()).isEqualTo("rust-specialist");
        assertThat(agent.name()).isEqualTo("agent-7");
        assertThat(agent.status()).isEqualTo(AgentStatus.IDLE);
        assertThat(agent.registeredAt()).isEqualTo(now);
        assertThat(agent.lastHeartbeatAt()).isEqualTo(now);
        assertThat(agent.terminatedAt()).isNull();
        assertThat(db.agents().require(agent.id())).isEqualTo(agent);
        assertThat(db.agents().get(agent.id()).orElseThrow().capabilities()).isEqualTo(capabilities);
        assertThat(db.agents().get(AgentId.generate())).isEmpty();
        assertThatThrownBy(() -> db.agents().require(AgentId.generate())).isInstanceOf(NotFound.class);
    }

    @Test
    void registrationIsValidated() {
        assertThatThrownBy(() -> db.agents().register(" ", "a", null))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("agentType"));
        assertThatThrownBy(() -> db.agents().register("coder", null, null))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> db.agents().register("coder", "n".repeat(Agent.NAME_MAX + 1), null))
                .isInstanceOf(InvalidInput.class);
        assertThat(db.agents().list(null, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void onlyLegalStatusTransitionsHappen() {
        AgentId id = register("a").id();
        clock.advance(Duration.ofSeconds(5));

        Agent busy = db.agents().updateStatus(id, AgentStatus.BUSY);
        assertThat(busy.status()).isEqualTo(AgentStatus.BUSY);
        assertThat(busy.lastHeartbeatAt()).isEqualTo(StoredTime.now(clock));
        assertThat(db.agents().updateStatus(id, AgentStatus.IDLE).status()).isEqualTo(AgentStatus.IDLE);
        assertThatThrownBy(() -> db.agents().updateStatus(id, AgentStatus.IDLE))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> {
                    assertThat(e.entity()).isEqualTo("agent");
                    assertThat(e.from()).isEqualTo("idle");
                    assertThat(e.to()).isEqualTo("idle");
                });

        clock.advance(Duration.ofSeconds(5));
        Agent terminated = db.agents().updateStatus(id, AgentStatus.TERMINATED);
        assertThat(terminated.terminatedAt()).isEqualTo(StoredTime.now(clock));
        for (AgentStatus next : AgentStatus.values()) {
            assertThatThrownBy(() -> db.agents().updateStatus(id, next)).isInstanceOf(IllegalTransition.class);
        }
        assertThat(db.agents().require(id)).isEqualTo(terminated);
        assertThatThrownBy(() -> db.agents().updateStatus(AgentId.generate(), AgentStatus.BUSY))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void heartbeatsMoveLastHeardAndAreRefusedOnceTerminated() {
        AgentId id = register("a").id();
        clock.advance(Duration.ofMinutes(1));
        assertThat(db.agents().heartbeat(id).lastHeartbeatAt()).isEqualTo(StoredTime.now(clock));

        db.agents().updateStatus(id, AgentStatus.TERMINATED);
        assertThatThrownBy(() -> db.agents().heartbeat(id)).isInstanceOfSatisfying(IllegalTransition.class, e -> {
            assertThat(e.from()).isEqualTo("terminated");
            assertThat(e.to()).isEqualTo("heartbeat");
        });
        assertThatThrownBy(() -> db.agents().heartbeat(AgentId.generate())).isInstanceOf(NotFound.class);
    }

    @Test
    void staleAgentsAreTheLiveOnesNotHeardFromSinceACutOff() {
        AgentId oldest = register("oldest").id();
        AgentId gone = register("gone").id();
        clock.advance(Duration.ofMinutes(1));
        AgentId older = register("older").id();
        clock.advance(Duration.ofMinutes(1));
        OffsetDateTime cutoff = StoredTime.now(clock);
        AgentId fresh = register("fresh").id();
        db.agents().updateStatus(gone, AgentStatus.TERMINATED);
        db.agents().updateStatus(older, AgentStatus.BUSY); // a transition is a heartbeat: not stale any more
        clock.advance(Duration.ofMinutes(10));
        db.agents().heartbeat(fresh);

        assertThat(db.agents().listStale(cutoff, 10)).extracting(Agent::id).containsExactly(oldest);
        assertThat(db.agents().listStale(StoredTime.now(clock), 10))
                .extracting(Agent::id)
                .containsExactly(oldest, older);
        assertThat(db.agents().listStale(StoredTime.now(clock), 1))
                .extracting(Agent::id)
                .containsExactly(oldest);
    }

    @Test
    void listByStatusInRegistrationOrder() {
        AgentId a = register("a").id();
        clock.advance(Duration.ofMillis(1));
        AgentId b = register("b").id();
        clock.advance(Duration.ofMillis(1));
        AgentId c = register("c").id();
        db.agents().updateStatus(b, AgentStatus.BUSY);

        assertThat(db.agents().list(null, PageRequest.first(10)).items())
                .extracting(Agent::id)
                .containsExactly(a, b, c);
        assertThat(db.agents().list(AgentStatus.IDLE, PageRequest.first(10)).items())
                .extracting(Agent::id)
                .containsExactly(a, c);
        assertThat(db.agents().list(AgentStatus.BUSY, PageRequest.first(10)).items())
                .extracting(Agent::id)
                .containsExactly(b);
        assertThat(Pages.nth(page -> db.agents().list(null, page), 1, 2))
                .extracting(Agent::id)
                .containsExactly(c);
        assertThatThrownBy(() -> db.agents().list(null, PageRequest.first(0))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aTaskRecordsTheAgentThatRunsIt() {
        AgentId agent = register("runner").id();
        TaskId task = db.tasks().submit(NewTask.builder("do it", "coder").build());
        long version = db.tasks().require(task).version();

        Task assigned = db.tasks().assignAgent(task, agent);

        assertThat(assigned.agentId()).isEqualTo(agent);
        assertThat(assigned.version()).isEqualTo(version + 1);
        assertThat(db.tasks().require(task).agentId()).isEqualTo(agent);
        assertThatThrownBy(() -> db.tasks().assignAgent(task, AgentId.generate()))
                .isInstanceOfSatisfying(
                        ConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo("fk_tasks_agent"));
        assertThatThrownBy(() -> db.tasks().assignAgent(TaskId.generate(), agent))
                .isInstanceOf(NotFound.class);
        assertThat(db.tasks().require(task).agentId()).isEqualTo(agent);
    }

    @Test
    void cursorsPageThroughEveryAgent() {
        List<AgentId> registered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            registered.add(register("agent-" + i).id());
            clock.advance(Duration.ofMillis(1));
        }
        for (int size : new int[] {1, 2, 5, 6}) {
            assertThat(Pages.all(page -> db.agents().list(null, page), size))
                    .extracting(Agent::id)
                    .containsExactlyElementsOf(registered);
        }
        assertThat(Pages.pages(page -> db.agents().list(AgentStatus.IDLE, page), 2))
                .hasSize(3);
    }

    @Test
    void aCursorThatListDidNotHandOutIsInvalidInput() {
        Pages.assertBadCursor(() -> db.agents().list(null, PageRequest.after("not a cursor", 10)));
        Pages.assertBadCursor(() -> db.agents().list(null, PageRequest.after("MQ", 10)));
        Pages.assertBadCursor(() -> db.agents().list(null, PageRequest.after("MQ.MQ", 10)));
    }
}
