package io.stratum.internal.task;

import static io.stratum.codegen.jooq.Tables.AUDIT_LOG;
import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.audit.AuditActions;
import io.stratum.internal.audit.AuditTrail;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.CommonTableExpression;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A status change and its audit rows as one statement, where the backend allows writes in a {@code WITH} clause
 * (PostgreSQL): the rows are the same as {@link TaskTransitions} writes with a statement of their own, and need
 * neither a second round trip nor, for a claim, a transaction around the two.
 */
public final class AuditRowsInStatement {
    /** The ids of the audit rows a statement of {@link #of} writes, one per row it may move. */
    public static final Param<UUID[]> IDS = DSL.param("audit_ids", SQLDataType.UUID.array());
    /** The actor of the audit rows a statement of {@link #of} writes. */
    public static final Param<String> ACTOR = DSL.param("audit_actor", AUDIT_LOG.ACTOR.getDataType());

    private AuditRowsInStatement() {}

    /**
     * {@code moving}, an UPDATE of {@code move} that returns at least each moved task's id and new version, as one
     * statement that also writes their audit rows, and returns what {@code moving} returns: {@code WITH moved AS
     * (moving), audited AS (INSERT INTO audit_log ... SELECT ... FROM moved) SELECT ... FROM moved}. The audit rows
     * take their ids from {@link #IDS} (one per row, by row number), their actor from {@link #ACTOR} and their time
     * from {@code at}: see {@link TaskTransitions#auditedBy}. Where {@link TaskTransitions#auditsInStatement}.
     */
    public static <R extends Record> ResultQuery<Record> of(
            ResultQuery<R> moving, TaskMove move, Field<OffsetDateTime> at) {
        TaskTransitions.requireOneFrom(move);
        CommonTableExpression<R> moved = DSL.name("moved").as(moving);
        Field<UUID> id = moved.field(TASKS.ID);
        Field<Long> version = moved.field(TASKS.VERSION);
        var rows = AuditTrail.insertRows()
                .select(DSL.select(
                                DSL.arrayGet(IDS, DSL.rowNumber().over(DSL.orderBy(id))),
                                ACTOR,
                                DSL.inline(AuditActions.TASK_STATUS),
                                DSL.inline(AuditActions.TASK),
                                id.cast(AUDIT_LOG.ENTITY_ID.getDataType()),
                                TaskTransitions.stateOf(
                                        move.from().iterator().next().dbValue(), version.minus(DSL.inline(1L))),
                                TaskTransitions.stateOf(move.to().dbValue(), version),
                                at)
                        .from(moved))
                .returningResult(AUDIT_LOG.ID);
        return DSL.with(moved)
                .with(DSL.name("audited").as(rows))
                .select(moved.fields())
                .from(moved);
    }
}
