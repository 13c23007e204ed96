package io.stratum.internal.audit;

import io.stratum.internal.values.Arguments;
import io.stratum.internal.tx.Database;
import io.stratum.internal.task.TaskRows;
import io.stratum.internal.values.Timestamps;
import static io.stratum.codegen.jooq.Tables.AUDIT_LOG;

import io.stratum.audit.AuditEntry;
import io.stratum.audit.AuditLog;
import io.stratum.audit.AuditQuery;
import io.stratum.audit.AuditRecord;
import io.stratum.codegen.jooq.tables.records.AuditLogRecord;
import java.util.ArrayList;
import java.util.List;
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
    public List<AuditEntry> query(AuditQuery query) {
        Arguments.require("query", query);
        List<Condition> conditions = new ArrayList<>();
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
        return db.read(dsl -> dsl.selectFrom(AUDIT_LOG)
                .where(conditions)
                .orderBy(AUDIT_LOG.AT, AUDIT_LOG.ID)
                .limit(query.limit())
                .offset(query.offset())
                .fetch(JooqAuditLog::toEntry));
    }

    private static AuditEntry toEntry(AuditLogRecord r) {
        return new AuditEntry(r.getId(), r.getActor(), r.getAction(), r.getEntityType(), r.getEntityId(),
                TaskRows.json(r.getBeforeData()), TaskRows.json(r.getAfterData()), Timestamps.normalize(r.getAt()));
    }
}
