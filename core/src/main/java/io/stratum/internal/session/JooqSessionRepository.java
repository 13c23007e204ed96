package io.stratum.internal.session;

import static io.stratum.codegen.jooq.Tables.SESSIONS;
import static io.stratum.codegen.jooq.Tables.SESSION_EVENTS;

import io.stratum.IllegalTransition;
import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.NotFound;
import io.stratum.Page;
import io.stratum.PageRequest;
import io.stratum.codegen.jooq.tables.records.SessionEventsRecord;
import io.stratum.codegen.jooq.tables.records.SessionsRecord;
import io.stratum.internal.task.TaskRows;
import io.stratum.internal.tx.Database;
import io.stratum.internal.values.Arguments;
import io.stratum.internal.values.Cursors;
import io.stratum.internal.values.Ids;
import io.stratum.internal.values.Text;
import io.stratum.internal.values.Timestamps;
import io.stratum.session.NewSession;
import io.stratum.session.Session;
import io.stratum.session.SessionEvent;
import io.stratum.session.SessionFilters;
import io.stratum.session.SessionId;
import io.stratum.session.SessionRepository;
import io.stratum.session.SessionStatus;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.impl.DSL;

/** {@link SessionRepository} in jOOQ, the same SQL on every backend. */
public final class JooqSessionRepository implements SessionRepository {
    private static final String ENTITY = "session";

    private final Database db;
    private final Clock clock;
    private final boolean updateReturning;

    public JooqSessionRepository(Database db, Clock clock, boolean updateReturning) {
        this.db = db;
        this.clock = clock;
        this.updateReturning = updateReturning;
    }

    @Override
    public Session create(NewSession session) {
        Arguments.require("session", session);
        return db.write(dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            SessionsRecord row = dsl.newRecord(SESSIONS);
            row.setId(Ids.v7(now.toInstant()));
            row.setName(session.name());
            row.setStatus(SessionStatus.ACTIVE.dbValue());
            row.setMetadata(TaskRows.jsonb(session.metadata()));
            row.setCreatedBy(session.createdBy());
            row.setStartedAt(now);
            row.setLastEventSeq(0L);
            row.insert();
            return toSession(row);
        });
    }

    @Override
    public Optional<Session> get(SessionId id) {
        Arguments.require("id", id);
        return db.read(dsl -> fetch(dsl, id));
    }

    @Override
    public Session require(SessionId id) {
        return get(id).orElseThrow(() -> new NotFound(ENTITY, id));
    }

    @Override
    public Session end(SessionId id, SessionStatus outcome) {
        Arguments.require("id", id);
        if (Arguments.require("outcome", outcome) == SessionStatus.ACTIVE) {
            throw new InvalidInput("outcome", "a session ends as ended or failed, not active");
        }
        return db.write(dsl -> {
            int updated = dsl.update(SESSIONS)
                    .set(SESSIONS.STATUS, outcome.dbValue())
                    .set(SESSIONS.ENDED_AT, Timestamps.now(clock))
                    .where(SESSIONS.ID.eq(id.value()).and(SESSIONS.STATUS.eq(SessionStatus.ACTIVE.dbValue())))
                    .execute();
            Session stored = fetch(dsl, id).orElseThrow(() -> new NotFound(ENTITY, id));
            if (updated == 0) {
                throw new IllegalTransition(ENTITY, id, stored.status().dbValue(), outcome.dbValue());
            }
            return stored;
        });
    }

    @Override
    public Page<Session> list(SessionFilters filters, PageRequest page) {
        Arguments.require("filters", filters);
        Arguments.require("page", page);
        List<Condition> conditions = new ArrayList<>();
        UUID after = Cursors.afterId(page);
        if (after != null) {
            conditions.add(SESSIONS.ID.gt(after));
        }
        if (filters.status() != null) {
            conditions.add(SESSIONS.STATUS.eq(filters.status().dbValue()));
        }
        if (filters.startedFrom() != null) {
            conditions.add(SESSIONS.STARTED_AT.ge(filters.startedFrom()));
        }
        if (filters.startedBefore() != null) {
            conditions.add(SESSIONS.STARTED_AT.lt(filters.startedBefore()));
        }
        List<Session> rows = db.read(dsl -> dsl.selectFrom(SESSIONS)
                .where(conditions)
                .orderBy(SESSIONS.ID)
                .limit(page.limit() + 1)
                .fetch(JooqSessionRepository::toSession));
        return Cursors.page(rows, page.limit(), s -> Cursors.encode(s.id().toString()));
    }

    @Override
    public SessionEvent append(SessionId sessionId, String type, Json payload) {
        Arguments.require("sessionId", sessionId);
        Text.required("type", type, SessionEvent.TYPE_MAX);
        return db.write(dsl -> {
            // The row lock this UPDATE takes orders concurrent appenders; each gets the next number.
            long seq = nextEventSeq(dsl, sessionId);
            SessionEventsRecord event = dsl.newRecord(SESSION_EVENTS);
            event.setSessionId(sessionId.value());
            event.setSeq(seq);
            event.setEventType(type);
            event.setPayload(TaskRows.jsonb(payload));
            event.setCreatedAt(Timestamps.now(clock));
            event.insert();
            return toEvent(event);
        });
    }

    @Override
    public Page<SessionEvent> events(SessionId sessionId, PageRequest page) {
        Arguments.require("sessionId", sessionId);
        Arguments.require("page", page);
        Long after = Cursors.afterNumber(page);
        List<SessionEvent> rows = db.read(dsl -> dsl.selectFrom(SESSION_EVENTS)
                .where(SESSION_EVENTS
                        .SESSION_ID
                        .eq(sessionId.value())
                        .and(after == null ? DSL.noCondition() : SESSION_EVENTS.SEQ.gt(after)))
                .orderBy(SESSION_EVENTS.SEQ)
                .limit(page.limit() + 1)
                .fetch(JooqSessionRepository::toEvent));
        return Cursors.page(rows, page.limit(), e -> Cursors.encode(Long.toString(e.seq())));
    }

    private long nextEventSeq(DSLContext dsl, SessionId sessionId) {
        var update = dsl.update(SESSIONS)
                .set(SESSIONS.LAST_EVENT_SEQ, SESSIONS.LAST_EVENT_SEQ.plus(1L))
                .where(SESSIONS.ID.eq(sessionId.value()));
        if (updateReturning) {
            return update.returningResult(SESSIONS.LAST_EVENT_SEQ)
                    .fetchOptional()
                    .map(Record1::value1)
                    .orElseThrow(() -> new NotFound(ENTITY, sessionId));
        }
        // The row stays locked by the UPDATE until the transaction ends: the number read back is this appender's.
        if (update.execute() == 0) {
            throw new NotFound(ENTITY, sessionId);
        }
        return dsl.select(SESSIONS.LAST_EVENT_SEQ)
                .from(SESSIONS)
                .where(SESSIONS.ID.eq(sessionId.value()))
                .fetchSingle()
                .value1();
    }

    private static Optional<Session> fetch(DSLContext dsl, SessionId id) {
        return dsl.selectFrom(SESSIONS)
                .where(SESSIONS.ID.eq(id.value()))
                .fetchOptional(JooqSessionRepository::toSession);
    }

    private static Session toSession(SessionsRecord r) {
        return new Session(
                new SessionId(r.getId()),
                r.getName(),
                SessionStatus.parse(r.getStatus()),
                TaskRows.json(r.getMetadata()),
                r.getCreatedBy(),
                Timestamps.normalize(r.getStartedAt()),
                Timestamps.normalize(r.getEndedAt()),
                r.getLastEventSeq());
    }

    private static SessionEvent toEvent(SessionEventsRecord r) {
        return new SessionEvent(
                new SessionId(r.getSessionId()),
                r.getSeq(),
                r.getEventType(),
                TaskRows.json(r.getPayload()),
                Timestamps.normalize(r.getCreatedAt()));
    }
}
