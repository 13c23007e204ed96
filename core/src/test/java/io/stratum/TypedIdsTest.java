package io.stratum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.agent.AgentId;
import io.stratum.session.SessionId;
import io.stratum.task.TaskId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TypedIdsTest {
    @Test
    void everyIdRoundTripsThroughItsTextForm() {
        SessionId session = SessionId.generate();
        AgentId agent = AgentId.generate();
        assertThat(SessionId.parse(" " + session + " ")).isEqualTo(session);
        assertThat(AgentId.parse(agent.toString())).isEqualTo(agent);
        assertThat(session.value().version()).isEqualTo(7);
        assertThat(agent.value().version()).isEqualTo(7);
    }

    @Test
    void malformedOrMissingIdsNameTheirField() {
        assertThatThrownBy(() -> SessionId.parse("nope"))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field())
                .isEqualTo("sessionId");
        assertThatThrownBy(() -> AgentId.parse(null))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field())
                .isEqualTo("agentId");
        assertThatThrownBy(() -> AgentId.of(null)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> TaskId.parse("x"))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field())
                .isEqualTo("taskId");
    }

    @Test
    void generatedIdsSortInCreationOrder() {
        AgentId first = AgentId.of(new UUID(0x0190_0000_0000_7000L, 0x8000_0000_0000_0000L));
        AgentId second = AgentId.of(new UUID(0x0190_0000_0001_7000L, 0x8000_0000_0000_0000L));
        assertThat(first).isLessThan(second);
    }
}
