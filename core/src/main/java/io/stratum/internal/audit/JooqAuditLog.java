package io.stratum.internal.audit;

import static io.stratum.codegen.jooq.Tables.AUDIT_LOG;

import io.stratum.Page;
import io.stratum.PageRequest;
import io.stratum.audit.AuditEntry;
import io.stratum.audit.AuditLog;
import io.stratum.audit.AuditQuery;
import io.stratum.audit.AuditRecord;
import io.stratum.codegen.jooq.tables.records.AuditLogRecord;
import io.stratum.internal.task.TaskRows;
import io.stratum.internal.tx.Database;
import io.stratum.internal.values.Arguments;
import io.stratum.internal.values.Cursors;
import io.stratum.internal.values.Timestamps;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;

/** {@link AuditLog} in jOOQ, the same SQL on every backend. */
public final class JooqAuditLog implements AuditLog {
    private final Database db;
    private final AuditTrail trail;

    public JooqAuditLog(Database db, AuditTrail trail) {
        this.db = db;
        this.trail = trail;
    }

    @Override
    public AuditEntry record(AuditRecord record) {
        Arguments.require("record", record);
        return db.write(dsl -> trail.write(dsl, record));
    }

    @Override
    public Page<AuditEntry> query(AuditQuery query, PageRequest page) {
        Arguments.require("query", query);
        Arguments.require("page", page);
        List<Condition> conditions = new ArrayList<>();
        String[] after = Cursors.after(page, 2);
        if (after != null) {
            conditions.add(after(page.cursor(), after));
        }
        if (query.entityType() != null) {
            conditions.add(AUDIT_LOG.ENTITY_TYPE.eq(query.entityType()));
        }
        if (query.entityId() != null) {
            conditions.add(AUDIT_LOG.ENTITY_ID.eq(query.entityId()));
        }
        if (query.from() != null) {
            conditions.add(AUDIT_LOG.AT.ge(query.from()));
        }
        if (query.before() != null) {
            conditions.add(AUDIT_LOG.AT.lt(query.before()));
        }
        List<AuditEntry> rows = db.read(dsl -> dsl.selectFrom(AUDIT_LOG)
                .where(conditions)
                .orderBy(AUDIT_LOG.AT, AUDIT_LOG.ID)
                .limit(page.limit() + 1)
                .fetch(JooqAuditLog::toEntry));
        return Cursors.page(rows, page.limit(), e -> Cursors.encode(e.at().toString(), e.id().toString()));
    }

    /** Rows after the one at {@code key} (time, id) of {@code cursor}, in the order of the query. */
    private static Condition after(String cursor, String[] key) {
        OffsetDateTime at = Timestamps.normalize(Cursors.parse(cursor, key[0], OffsetDateTime::parse));
        UUID id = Cursors.parse(cursor, key[1], UUID::fromString);
        // The redundant lower bound on the time alone lets the indexes on the time start their range at the cursor.
        return AUDIT_LOG
                .AT
                .ge(at)
                .and(AUDIT_LOG.AT.gt(at).or(AUDIT_LOG.AT.eq(at).and(AUDIT_LOG.ID.gt(id))));
    }

    private static AuditEntry toEntry(AuditLogRecord r) {
        return new AuditEntry(
                r.getId(),
                r.getActor(),
                r.getAction(),
                r.getEntityType(),
                r.getEntityId(),
                TaskRows.json(r.getBeforeData()),
                TaskRows.json(r.getAfterData()),
                Timestamps.normalize(r.getAt()));
    }
}
