package io.stratum.internal.audit;

import static io.stratum.codegen.jooq.Tables.AUDIT_LOG;

import io.stratum.Json;
import io.stratum.audit.AuditEntry;
import io.stratum.audit.AuditRecord;
import io.stratum.codegen.jooq.tables.records.AuditLogRecord;
import io.stratum.internal.statement.NumberedParameters;
import io.stratum.internal.statement.RenderedStatements;
import io.stratum.internal.values.Ids;
import io.stratum.internal.values.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep8;
import org.jooq.JSONB;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * Writes audit rows with the caller's {@link DSLContext}, so that a row commits or rolls back with the change it
 * describes. Rows for changes Stratum makes itself ({@link #change}) can be switched off per store; rows the
 * application asks for ({@link #write}) cannot.
 */
public final class AuditTrail {
    /** Rows per INSERT: 8 bind values each, well under every backend's limit per statement. */
    private static final int ROWS_PER_INSERT = 1_000;

    private static final Param<String> ACTOR = DSL.param("actor", AUDIT_LOG.ACTOR.getDataType());
    private static final Param<String> ACTION = DSL.param("action", AUDIT_LOG.ACTION.getDataType());
    private static final Param<String> ENTITY_TYPE = DSL.param("entity_type", AUDIT_LOG.ENTITY_TYPE.getDataType());
    private static final Param<OffsetDateTime> AT = DSL.param("at", AUDIT_LOG.AT.getDataType());
    private static final NumberedParameters<UUID> IDS = new NumberedParameters<>("id", AUDIT_LOG.ID.getDataType());
    private static final NumberedParameters<String> ENTITY_IDS =
            new NumberedParameters<>("entity_id", AUDIT_LOG.ENTITY_ID.getDataType());
    private static final NumberedParameters<JSONB> BEFORE =
            new NumberedParameters<>("before", AUDIT_LOG.BEFORE_DATA.getDataType());
    private static final NumberedParameters<JSONB> AFTER =
            new NumberedParameters<>("after", AUDIT_LOG.AFTER_DATA.getDataType());

    private final RenderedStatements insertChanges = new RenderedStatements(AuditTrail::insertChanges);
    private final boolean automatic;
    private final String defaultActor;
    private final Clock clock;

    public AuditTrail(boolean automatic, String defaultActor, Clock clock) {
        this.automatic = automatic;
        this.defaultActor = defaultActor;
        this.clock = clock;
    }

    /** {@code actor}, or the store's actor when it is null. */
    public String actorOr(String actor) {
        return actor != null ? actor : defaultActor;
    }

    /** Records a change Stratum made, unless automatic rows are off; {@code before} and {@code after} are JSON text. */
    public void change(
            DSLContext dsl,
            String actor,
            String action,
            String entityType,
            String entityId,
            String before,
            String after) {
        if (automatic) {
            insert(dsl, Timestamps.now(clock), actorOr(actor), action, entityType, entityId, before, after);
        }
    }

    /** {@code count} fresh ids of audit rows, for rows a statement writes itself. */
    public UUID[] newIds(int count) {
        Instant now = Timestamps.now(clock).toInstant();
        UUID[] ids = new UUID[count];
        for (int i = 0; i < count; i++) {
            ids[i] = Ids.v7(now);
        }
        return ids;
    }

    /** Whether the changes Stratum makes are recorded ({@link #change}, {@link #changes}). */
    public boolean recordsChanges() {
        return automatic;
    }

    /** One entity's change, for {@link #changes}; {@code before} and {@code after} are JSON text. */
    public record Change(String entityId, String before, String after) {}

    /**
     * Records many changes of one kind that Stratum made, unless automatic rows are off: one multi-row INSERT per
     * {@value #ROWS_PER_INSERT} changes, a single round trip on every backend, rendered once per number of rows.
     */
    public void changes(DSLContext dsl, String actor, String action, String entityType, List<Change> changes) {
        if (!automatic || changes.isEmpty()) {
            return;
        }
        OffsetDateTime now = Timestamps.now(clock);
        String who = actorOr(actor);
        for (int from = 0; from < changes.size(); from += ROWS_PER_INSERT) {
            List<Change> rows = changes.subList(from, Math.min(changes.size(), from + ROWS_PER_INSERT));
            List<UUID> ids = new ArrayList<>(rows.size());
            List<String> entities = new ArrayList<>(rows.size());
            List<JSONB> before = new ArrayList<>(rows.size());
            List<JSONB> after = new ArrayList<>(rows.size());
            for (Change c : rows) {
                ids.add(Ids.v7(now.toInstant()));
                entities.add(c.entityId());
                before.add(jsonb(c.before()));
                after.add(jsonb(c.after()));
            }
            insertChanges
                    .call(rows.size())
                    .set(ACTOR, who)
                    .set(ACTION, action)
                    .set(ENTITY_TYPE, entityType)
                    .set(AT, now)
                    .set(IDS, ids)
                    .set(ENTITY_IDS, entities)
                    .set(BEFORE, before)
                    .set(AFTER, after)
                    .execute(dsl);
        }
    }

    /**
     * An INSERT of audit rows naming every column a row of Stratum's has, in this order: id, actor, action, entity
     * type, entity id, before, after, at.
     */
    public static InsertValuesStep8<AuditLogRecord, UUID, String, String, String, String, JSONB, JSONB, OffsetDateTime>
            insertRows() {
        return DSL.insertInto(
                AUDIT_LOG,
                AUDIT_LOG.ID,
                AUDIT_LOG.ACTOR,
                AUDIT_LOG.ACTION,
                AUDIT_LOG.ENTITY_TYPE,
                AUDIT_LOG.ENTITY_ID,
                AUDIT_LOG.BEFORE_DATA,
                AUDIT_LOG.AFTER_DATA,
                AUDIT_LOG.AT);
    }

    /** The multi-row INSERT of {@link #changes} for {@code size} rows. */
    private static Query insertChanges(int size) {
        var insert = insertRows();
        for (int i = 1; i <= size; i++) {
            insert = insert.values(
                    IDS.get(i), ACTOR, ACTION, ENTITY_TYPE, ENTITY_IDS.get(i), BEFORE.get(i), AFTER.get(i), AT);
        }
        return insert;
    }

    /** Writes a row the application asked for and returns it. */
    public AuditEntry write(DSLContext dsl, AuditRecord record) {
        OffsetDateTime at = Timestamps.now(clock);
        String actor = actorOr(record.actor());
        UUID id = insert(
                dsl,
                at,
                actor,
                record.action(),
                record.entityType(),
                record.entityId(),
                text(record.before()),
                text(record.after()));
        return new AuditEntry(
                id,
                actor,
                record.action(),
                record.entityType(),
                record.entityId(),
                record.before(),
                record.after(),
                at);
    }

    private static UUID insert(
            DSLContext dsl,
            OffsetDateTime at,
            String actor,
            String action,
            String entityType,
            String entityId,
            String before,
            String after) {
        UUID id = Ids.v7(at.toInstant());
        dsl.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ID, id)
                .set(AUDIT_LOG.ACTOR, actor)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.ENTITY_TYPE, entityType)
                .set(AUDIT_LOG.ENTITY_ID, entityId)
                .set(AUDIT_LOG.BEFORE_DATA, jsonb(before))
                .set(AUDIT_LOG.AFTER_DATA, jsonb(after))
                .set(AUDIT_LOG.AT, at)
                .execute();
        return id;
    }

    private static JSONB jsonb(String text) {
        return text == null ? null : JSONB.valueOf(text);
    }

    private static String text(Json json) {
        return json == null ? null : json.text();
    }
}
