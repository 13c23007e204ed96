package io.stratum.internal.task;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.audit.AuditActions;
import io.stratum.codegen.jooq.tables.records.TasksRecord;
import io.stratum.internal.audit.AuditTrail;
import io.stratum.internal.json.JsonObject;
import io.stratum.internal.queue.QueueQueries;
import io.stratum.internal.statement.NumberedParameters;
import io.stratum.internal.statement.RenderedStatement;
import io.stratum.internal.statement.RenderedStatements;
import io.stratum.internal.values.Binds;
import io.stratum.task.TaskStatus;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Param;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.UpdateConditionStep;
import org.jooq.impl.DSL;

/**
 * The one place where a task's status changes: submit excepted (it inserts the first status), every transition of
 * the repository and the queue is a {@link #move} or a {@link #moveSelected}. A move also bumps {@code version},
 * stamps {@code last_updated_at}, revokes the lease unless the target is {@code running}, stamps
 * {@code completed_at} when the task finishes ({@code completed}, {@code failed}, {@code cancelled}), and writes one
 * audit row per task moved ({@link AuditActions#TASK_STATUS}, before and after holding status and version) in the
 * same transaction.
 */
public final class TaskTransitions {
    /** Ids per statement: well under every backend's limit on bind values. */
    static final int CHUNK = 1_000;

    private static final Set<TaskStatus> FINISHING =
            Set.of(TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELLED);

    /** The ids a {@link #movePicked} took, bound into its UPDATE. */
    private static final NumberedParameters<UUID> PICKED = new NumberedParameters<>("picked", TASKS.ID.getDataType());

    private final QueueQueries queries;
    private final AuditTrail audit;

    public TaskTransitions(QueueQueries queries, AuditTrail audit) {
        this.queries = queries;
        this.audit = audit;
    }

    /** Whether moves write audit rows (a statement more in their transaction, unless {@link #auditsInStatement}). */
    public boolean audits() {
        return audit.recordsChanges();
    }

    /**
     * Whether moves write their audit rows in their own statement, {@link AuditRowsInStatement#of}, where the backend allows
     * writes in a {@code WITH} clause.
     */
    public boolean auditsInStatement() {
        return audits() && queries.writesInWith();
    }

    /**
     * Binds the audit parameters of a statement of {@link AuditRowsInStatement#of} that moves at most {@code rows} tasks, as
     * done by {@code actor}; a statement without them (audit rows written apart, or none) is left as it is.
     */
    public RenderedStatement.Call auditedBy(RenderedStatement.Call call, int rows, String actor) {
        return auditsInStatement()
                ? call.set(AuditRowsInStatement.IDS, audit.newIds(rows))
                        .set(AuditRowsInStatement.ACTOR, audit.actorOr(actor))
                : call;
    }

    /** Applies {@code move} to those of {@code ids} it matches; returns the ids that moved, in the order given. */
    public List<UUID> move(DSLContext dsl, Collection<UUID> ids, TaskMove move, OffsetDateTime now) {
        Map<UUID, AuditTrail.Change> changes = new HashMap<>();
        for (List<UUID> chunk : chunks(ids)) {
            // With one possible "from" the row's new version tells all; with several the rows are read (and locked)
            // first, so that the audited "before" is what was there.
            Map<UUID, String> before = move.from().size() == 1
                    ? Map.of()
                    : queries.statuses(dsl, chunk, move.from()).fetchMap(TASKS.ID, TASKS.STATUS);
            for (Record2<UUID, Long> row : moveChunk(dsl, chunk, move, now)) {
                changes.put(row.value1(), change(move, before.get(row.value1()), row.value1(), row.value2()));
            }
        }
        return audited(dsl, ids, changes, move.actor());
    }

    /** {@code template} as a {@link RenderedMove}, its statements rendered once for this store's backend. */
    public RenderedMove rendered(TaskMove template) {
        return new RenderedMove(template, queries, auditsInStatement());
    }

    /**
     * Applies {@code move} to those of {@code ids} it matches, with the values {@code values} binds (its
     * parameters, the time of the move as {@link RenderedMove#AT}); writes their audit rows as done by
     * {@code actor}; returns the ids that moved, in the order given.
     */
    public List<UUID> move(
            DSLContext dsl, List<UUID> ids, RenderedMove move, Consumer<RenderedStatement.Call> values, String actor) {
        boolean separately = audits() && !auditsInStatement();
        // The moved ids, with their audit rows' changes where they are written by a statement of their own.
        Map<UUID, AuditTrail.Change> changes = new HashMap<>();
        for (List<UUID> chunk : chunks(ids)) {
            Consumer<RenderedStatement.Call> bound = call -> auditedBy(call, chunk.size(), actor);
            for (RenderedMove.Moved row : move.run(dsl, chunk, values.andThen(bound), separately)) {
                changes.put(row.id(), separately ? change(move.template(), null, row.id(), row.version()) : null);
            }
        }
        return separately
                ? audited(dsl, ids, changes, actor)
                : ids.stream().filter(changes::containsKey).toList();
    }

    /** Writes the audit rows of {@code changes} as done by {@code actor}; returns the ids moved, in the order given. */
    private List<UUID> audited(
            DSLContext dsl, Collection<UUID> ids, Map<UUID, AuditTrail.Change> changes, String actor) {
        List<UUID> moved = ids.stream().filter(changes::containsKey).toList();
        audit.changes(
                dsl,
                actor,
                AuditActions.TASK_STATUS,
                AuditActions.TASK,
                moved.stream().map(changes::get).toList());
        return moved;
    }

    /**
     * Runs {@code statement}, a rendering of {@link #selectedTemplate}, which moves the tasks its select picks
     * from the one status of {@code move}; writes their audit rows as done by {@code actor}; returns the moved rows
     * as they are now, in no particular order. The select must pick only tasks in that status and lock them (or run
     * under the backend's single writer), so that the update need not check the status again: the claim picks and
     * takes its tasks in one round trip this way.
     */
    public List<TasksRecord> moveSelected(
            DSLContext dsl, RenderedStatement.Call statement, TaskMove move, String actor) {
        List<TasksRecord> rows = statement.fetch(dsl, TASKS);
        if (!auditsInStatement()) {
            auditMoved(dsl, move, actor, rows);
        }
        return rows;
    }

    /**
     * The statement of {@link #moveSelected}: {@code UPDATE ... WHERE id IN (selected) RETURNING *}, unattached, for
     * a {@link RenderedStatement}; {@code move} must have one status to move from.
     */
    public static ResultQuery<TasksRecord> selectedTemplate(
            Select<? extends Record1<UUID>> selected, TaskMove move, Field<OffsetDateTime> at) {
        requireOneFrom(move);
        return update(TASKS.ID.in(selected), move, at).returning();
    }

    /**
     * Whether the backend has {@code UPDATE ... RETURNING}: then {@link #moveSelected} is one statement; without it
     * callers use {@link #movePicked}, two statements that need a transaction.
     */
    public boolean movesSelectedInOneStatement() {
        return queries.updateReturning();
    }

    /** The ids and new versions of the tasks of {@code chunk} that {@code move} moved. */
    private List<Record2<UUID, Long>> moveChunk(DSLContext dsl, List<UUID> chunk, TaskMove move, OffsetDateTime now) {
        if (queries.updateReturning()) {
            return dsl.fetch(statement(chunk, move, now));
        }
        // Without RETURNING: lock the rows the move applies to, update exactly those, and report their versions
        // plus one (the locks keep anyone else from moving them in between).
        Condition which = TASKS.ID
                .in(chunk)
                .and(Statuses.oneOf(TASKS.STATUS, move.from()))
                .and(move.guard());
        List<Record2<UUID, Long>> rows =
                queries
                        .locked(dsl.select(TASKS.ID, TASKS.VERSION)
                                .from(TASKS)
                                .where(which)
                                .orderBy(TASKS.ID))
                        .fetch()
                        .stream()
                        .map(r -> dsl.newRecord(TASKS.ID, TASKS.VERSION).values(r.value1(), r.value2() + 1))
                        .toList();
        if (!rows.isEmpty()) {
            dsl.execute(update(TASKS.ID.in(rows.stream().map(Record2::value1).toList()), move, Binds.timestamp(now)));
        }
        return rows;
    }

    /**
     * {@link #moveSelected} for backends without {@code UPDATE ... RETURNING}, in two statements the caller runs in
     * one transaction: {@code pick}, a top-level {@code SELECT} of the whole rows of tasks in the move's one status,
     * locked and skipping rows others hold; then {@code take}, the {@link #pickedTemplates} variant of {@code move}
     * and {@code at} for that many ids, its other values bound (the ids are bound here). The rows returned are the
     * picked rows with the values the UPDATE set applied, read from the same description of the move and the same
     * bound values: the rows as stored, without reading them again, since the locks keep anyone else from changing
     * them in between. The lock must be the select's own: MariaDB does not skip locked rows for a {@code FOR UPDATE
     * SKIP LOCKED} in a derived table of an UPDATE, so concurrent claims joined to one wait for the lock of the claim
     * before them: they run one at a time.
     */
    public List<TasksRecord> movePicked(
            DSLContext dsl,
            RenderedStatement.Call pick,
            IntFunction<RenderedStatement.Call> take,
            TaskMove move,
            Field<OffsetDateTime> at,
            String actor) {
        List<TasksRecord> rows = pick.fetch(dsl, TASKS);
        if (rows.isEmpty()) {
            return rows;
        }
        RenderedStatement.Call taking = take.apply(rows.size())
                .set(PICKED, rows.stream().map(TasksRecord::getId).toList());
        int taken = taking.execute(dsl);
        if (taken != rows.size()) {
            throw new IllegalStateException("a move of " + rows.size() + " locked tasks changed " + taken);
        }
        Map<Field<?>, Object> set = columns(move, at);
        for (TasksRecord row : rows) {
            set.forEach((column, value) -> row.set(anyType(column), valueSet(row, column, value, taking)));
        }
        auditMoved(dsl, move, actor, rows);
        return rows;
    }

    /**
     * What {@link #columns} sets {@code column} of {@code row} to, as {@code call} bound it: a parameter's bound
     * value, an inline value, or for the version, the one expression of a move, the row's version plus one.
     */
    private static Object valueSet(TasksRecord row, Field<?> column, Object value, RenderedStatement.Call call) {
        if (column.equals(TASKS.VERSION)) {
            return row.getVersion() + 1;
        }
        if (value instanceof Param<?> param) {
            return param.getParamName() != null ? call.value(param) : param.getValue();
        }
        throw new IllegalArgumentException("a move of picked tasks sets " + column + " to an expression: " + value);
    }

    @SuppressWarnings("unchecked")
    private static Field<Object> anyType(Field<?> column) {
        return (Field<Object>) column;
    }

    /**
     * The UPDATEs of {@link #movePicked} by number of ids: {@code move} applied to the tasks the pick locked;
     * unattached, rendered once per number of ids.
     */
    public static RenderedStatements pickedTemplates(TaskMove move, Field<OffsetDateTime> at) {
        requireOneFrom(move);
        return new RenderedStatements(size -> update(TASKS.ID.in(PICKED.first(size)), move, at));
    }

    static void requireOneFrom(TaskMove move) {
        if (move.from().size() != 1) {
            throw new IllegalArgumentException(
                    "a move of selected tasks needs one status to move from: " + move.from());
        }
    }

    /** The audit rows of {@code rows}, moved by {@code move} from its one status by {@code actor}. */
    private void auditMoved(DSLContext dsl, TaskMove move, String actor, List<TasksRecord> rows) {
        audit.changes(
                dsl,
                actor,
                AuditActions.TASK_STATUS,
                AuditActions.TASK,
                rows.stream()
                        .map(r -> change(move, null, r.get(TASKS.ID), r.get(TASKS.VERSION)))
                        .toList());
    }

    private static AuditTrail.Change change(TaskMove move, String before, UUID id, long version) {
        String from = before != null ? before : move.from().iterator().next().dbValue();
        return new AuditTrail.Change(
                id.toString(), state(from, version - 1), state(move.to().dbValue(), version));
    }

    /** The UPDATE a move runs for one chunk of ids, returning id and new version. */
    private static ResultQuery<Record2<UUID, Long>> statement(Collection<UUID> ids, TaskMove move, OffsetDateTime now) {
        return update(TASKS.ID.in(ids).and(Statuses.oneOf(TASKS.STATUS, move.from())), move, Binds.timestamp(now))
                .returningResult(TASKS.ID, TASKS.VERSION);
    }

    static UpdateConditionStep<TasksRecord> update(Condition which, TaskMove move, Field<OffsetDateTime> at) {
        return DSL.update(TASKS).set(columns(move, at)).where(which).and(move.guard());
    }

    /** The columns a move sets, with their new values; {@code at} is the time of the move. */
    private static Map<Field<?>, Object> columns(TaskMove move, Field<OffsetDateTime> at) {
        Map<Field<?>, Object> set = new HashMap<>();
        move.columns().forEach((column, value) -> set.put(column, Binds.of(value)));
        set.put(TASKS.STATUS, DSL.inline(move.to().dbValue()));
        set.put(TASKS.VERSION, TASKS.VERSION.plus(DSL.inline(1)));
        set.put(TASKS.LAST_UPDATED_AT, at);
        if (move.to() != TaskStatus.RUNNING) {
            set.put(TASKS.LEASE_OWNER, DSL.inline(null, TASKS.LEASE_OWNER.getDataType()));
            set.put(TASKS.LEASE_TOKEN, DSL.inline(null, TASKS.LEASE_TOKEN.getDataType()));
            set.put(TASKS.LEASE_EXPIRES_AT, DSL.inline(null, TASKS.LEASE_EXPIRES_AT.getDataType()));
        }
        if (FINISHING.contains(move.to())) {
            set.put(TASKS.COMPLETED_AT, at);
        }
        return set;
    }

    /** {@link #state} in SQL, for the audit rows of {@link AuditRowsInStatement#of}. */
    static Field<JSONB> stateOf(String status, Field<Long> version) {
        return DSL.jsonbObject(
                DSL.key(DSL.inline("status")).value(DSL.inline(status)),
                DSL.key(DSL.inline("version")).value(version));
    }

    private static String state(String status, long version) {
        return new JsonObject()
                .string("status", status)
                .number("version", version)
                .text();
    }

    /** {@code values} cut into lists of at most {@value #CHUNK}, in order. */
    public static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
