package io.stratum.internal.agent;

import static io.stratum.codegen.jooq.Tables.AGENTS;

import io.stratum.IllegalTransition;
import io.stratum.Json;
import io.stratum.NotFound;
import io.stratum.Page;
import io.stratum.PageRequest;
import io.stratum.agent.Agent;
import io.stratum.agent.AgentId;
import io.stratum.agent.AgentRepository;
import io.stratum.agent.AgentStatus;
import io.stratum.codegen.jooq.tables.records.AgentsRecord;
import io.stratum.internal.task.TaskRows;
import io.stratum.internal.tx.Database;
import io.stratum.internal.values.Arguments;
import io.stratum.internal.values.Cursors;
import io.stratum.internal.values.Ids;
import io.stratum.internal.values.Paging;
import io.stratum.internal.values.Text;
import io.stratum.internal.values.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** {@link AgentRepository} in jOOQ, the same SQL on every backend. */
public final class JooqAgentRepository implements AgentRepository {
    private static final String ENTITY = "agent";
    private static final String TERMINATED = AgentStatus.TERMINATED.dbValue();

    private final Database db;
    private final Clock clock;

    public JooqAgentRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Agent register(String agentType, String name, Json capabilities) {
        Text.required("agentType", agentType, Agent.NAME_MAX);
        Text.required("name", name, Agent.NAME_MAX);
        return db.write(dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            AgentsRecord row = dsl.newRecord(AGENTS);
            row.setId(Ids.v7(now.toInstant()));
            row.setAgentType(agentType);
            row.setName(name);
            row.setStatus(AgentStatus.IDLE.dbValue());
            row.setCapabilities(TaskRows.jsonb(capabilities));
            row.setRegisteredAt(now);
            row.setLastHeartbeatAt(now);
            row.insert();
            return toAgent(row);
        });
    }

    @Override
    public Optional<Agent> get(AgentId id) {
        Arguments.require("id", id);
        return db.read(dsl -> fetch(dsl, id));
    }

    @Override
    public Agent require(AgentId id) {
        return get(id).orElseThrow(() -> new NotFound(ENTITY, id));
    }

    @Override
    public Agent heartbeat(AgentId id) {
        Arguments.require("id", id);
        return db.write(dsl -> {
            int updated = dsl.update(AGENTS)
                    .set(AGENTS.LAST_HEARTBEAT_AT, Timestamps.now(clock))
                    .where(AGENTS.ID.eq(id.value()).and(AGENTS.STATUS.ne(TERMINATED)))
                    .execute();
            Agent stored = fetch(dsl, id).orElseThrow(() -> new NotFound(ENTITY, id));
            if (updated == 0) {
                throw new IllegalTransition(ENTITY, id, stored.status().dbValue(), "heartbeat");
            }
            return stored;
        });
    }

    @Override
    public Agent updateStatus(AgentId id, AgentStatus status) {
        Arguments.require("id", id);
        Arguments.require("status", status);
        List<String> from = Arrays.stream(AgentStatus.values())
                .filter(s -> s.canMoveTo(status))
                .map(AgentStatus::dbValue)
                .toList();
        return db.write(dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            var update = dsl.update(AGENTS).set(AGENTS.STATUS, status.dbValue()).set(AGENTS.LAST_HEARTBEAT_AT, now);
            if (status == AgentStatus.TERMINATED) {
                update = update.set(AGENTS.TERMINATED_AT, now);
            }
            int updated = update.where(AGENTS.ID.eq(id.value()).and(AGENTS.STATUS.in(from)))
                    .execute();
            Agent stored = fetch(dsl, id).orElseThrow(() -> new NotFound(ENTITY, id));
            if (updated == 0) {
                throw new IllegalTransition(ENTITY, id, stored.status().dbValue(), status.dbValue());
            }
            return stored;
        });
    }

    @Override
    public Page<Agent> list(AgentStatus status, PageRequest page) {
        Arguments.require("page", page);
        UUID after = Cursors.afterId(page);
        List<Agent> rows = db.read(dsl -> dsl.selectFrom(AGENTS)
                .where(status == null ? DSL.noCondition() : AGENTS.STATUS.eq(status.dbValue()))
                .and(after == null ? DSL.noCondition() : AGENTS.ID.gt(after))
                .orderBy(AGENTS.ID)
                .limit(page.limit() + 1)
                .fetch(JooqAgentRepository::toAgent));
        return Cursors.page(rows, page.limit(), a -> Cursors.encode(a.id().toString()));
    }

    @Override
    public List<Agent> listStale(OffsetDateTime heardBefore, int limit) {
        OffsetDateTime before = Timestamps.normalize(Arguments.require("heardBefore", heardBefore));
        Paging.limit("limit", limit);
        return db.read(dsl -> dsl.selectFrom(AGENTS)
                .where(AGENTS.STATUS.ne(TERMINATED).and(AGENTS.LAST_HEARTBEAT_AT.lt(before)))
                .orderBy(AGENTS.LAST_HEARTBEAT_AT, AGENTS.ID)
                .limit(limit)
                .fetch(JooqAgentRepository::toAgent));
    }

    private static Optional<Agent> fetch(DSLContext dsl, AgentId id) {
        return dsl.selectFrom(AGENTS).where(AGENTS.ID.eq(id.value())).fetchOptional(JooqAgentRepository::toAgent);
    }

    private static Agent toAgent(AgentsRecord r) {
        return new Agent(
                new AgentId(r.getId()),
                r.getAgentType(),
                r.getName(),
                AgentStatus.parse(r.getStatus()),
                TaskRows.json(r.getCapabilities()),
                Timestamps.normalize(r.getRegisteredAt()),
                Timestamps.normalize(r.getLastHeartbeatAt()),
                Timestamps.normalize(r.getTerminatedAt()));
    }
}
