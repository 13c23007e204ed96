package io.stratum.internal.queue;

import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;

import io.stratum.codegen.jooq.tables.TaskDependencies;
import io.stratum.codegen.jooq.tables.Tasks;
import io.stratum.internal.statement.NumberedParameters;
import io.stratum.internal.statement.RenderedStatements;
import io.stratum.internal.task.StatusGroup;
import io.stratum.internal.task.Statuses;
import io.stratum.internal.values.Binds;
import io.stratum.spi.Backend;
import io.stratum.task.TaskStatus;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Record3;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.SelectForUpdateStep;
import org.jooq.SelectSelectStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The look-ups the queue runs on its hot paths, each served by an index (the conformance suite checks
 * their plans at 100k tasks): ready tasks through {@code ix_tasks_claim}, expired leases through
 * {@code ix_tasks_lease_expiry}, dependents through {@code ix_task_dependencies_depends_on}, dependencies
 * through the primary keys. Statuses are inline literals so that the partial indexes apply to every plan,
 * generic plans of prepared statements included. Row locks follow the backend's capabilities.
 */
public final class QueueQueries {
    private static final Condition READY = StatusGroup.READY.predicate(TASKS.STATUS);
    private static final Set<TaskStatus> UNFINISHED = EnumSet.complementOf(EnumSet.of(TaskStatus.COMPLETED));
    private static final NumberedParameters<UUID> COMPLETED =
            new NumberedParameters<>("completed", TASKS.ID.getDataType());
    private static final Field<?>[] PENDING_DEPENDENT = {
        TASKS.ID, TASKS.PRIORITY, TASKS.DEPENDENCY_DEPTH, TASKS.DEADLINE
    };

    private final boolean rowLocks;
    private final boolean skipLocked;
    private final boolean updateReturning;
    private final boolean writesInWith;
    private final Table<?> claimTable;
    private final Table<?> leaseTable;
    private final QueueStatistics statistics;
    private final RenderedStatements pendingDependents = new RenderedStatements(this::pendingDependentsTemplate);

    public QueueQueries(Backend backend) {
        this.rowLocks = backend.supportsRowLocks();
        this.skipLocked = backend.supportsSkipLocked();
        this.updateReturning = backend.supportsUpdateReturning();
        this.writesInWith = backend.supportsWritesInWith();
        this.claimTable = backend.readThrough(StatusGroup.READY.index());
        this.leaseTable = backend.readThrough(StatusGroup.RUNNING.index());
        this.statistics = new QueueStatistics(backend);
    }

    /** The statements of the queue's statistics. */
    QueueStatistics statistics() {
        return statistics;
    }

    /** Whether a {@code WITH} clause may hold writes ({@link Backend#supportsWritesInWith()}). */
    public boolean writesInWith() {
        return writesInWith;
    }

    /** Whether the backend has {@code UPDATE ... RETURNING} ({@link Backend#supportsUpdateReturning()}). */
    public boolean updateReturning() {
        return updateReturning;
    }

    /**
     * {@code query}, locking the rows it reads where the backend has row locks (without them the backend's single
     * writer already excludes other writers).
     */
    public <R extends Record> Select<R> locked(SelectForUpdateStep<R> query) {
        return lock(query);
    }

    /**
     * Ids of up to {@code limit} claimable tasks at {@code now} in claim order, locked (skipping rows others hold);
     * not attached to a connection: the claim renders it once, as part of its statement.
     */
    public Select<Record1<UUID>> claimable(Field<OffsetDateTime> now, Field<Integer> limit) {
        return lockSkipping(inClaimOrder(DSL.select(TASKS.ID), now, limit));
    }

    /** The whole rows of the tasks {@link #claimable} selects, locked (skipping rows others hold); not attached. */
    public Select<Record> claimableRows(Field<OffsetDateTime> now, Field<Integer> limit) {
        return lockSkipping(inClaimOrder(DSL.select(TASKS.fields()), now, limit));
    }

    /** Up to {@code limit} tasks {@link #claimable} would select at {@code now}, in claim order; no locks. */
    public ResultQuery<Record> ready(DSLContext dsl, OffsetDateTime now, int limit) {
        return inClaimOrder(dsl.select(TASKS.fields()), Binds.timestamp(now), DSL.val(limit));
    }

    private <R extends Record> SelectForUpdateStep<R> inClaimOrder(
            SelectSelectStep<R> select, Field<OffsetDateTime> now, Field<Integer> limit) {
        return select.from(claimTable)
                .where(READY)
                .and(TASKS.RUN_AFTER.le(now))
                .orderBy(TASKS.CALCULATED_PRIORITY.desc(), TASKS.SUBMITTED_AT.asc(), TASKS.ID.asc())
                .limit(limit);
    }

    /** Up to {@code limit} running tasks whose lease expired at or before {@code now}, locked (skipping). */
    public ResultQuery<? extends Record> expiredLeases(DSLContext dsl, OffsetDateTime now, int limit) {
        return lockSkipping(dsl.select(
                        TASKS.ID,
                        TASKS.LEASE_TOKEN,
                        TASKS.LEASE_OWNER,
                        TASKS.LEASE_EXPIRES_AT,
                        TASKS.RETRY_COUNT,
                        TASKS.MAX_RETRIES,
                        TASKS.PRIORITY,
                        TASKS.DEPENDENCY_DEPTH,
                        TASKS.DEADLINE)
                .from(leaseTable)
                .where(StatusGroup.RUNNING.predicate(TASKS.STATUS))
                .and(TASKS.LEASE_EXPIRES_AT.le(now))
                .orderBy(TASKS.LEASE_EXPIRES_AT)
                .limit(limit));
    }

    /** Distinct tasks that depend directly on any of {@code ids}. */
    public Select<Record1<UUID>> dependents(DSLContext dsl, Collection<UUID> ids) {
        return dsl.selectDistinct(TASK_DEPENDENCIES.TASK_ID)
                .from(TASK_DEPENDENCIES)
                .where(TASK_DEPENDENCIES.DEPENDS_ON_ID.in(ids));
    }

    /**
     * The {@code pending} tasks that depend directly on any of {@code ids}, with what their priority is
     * computed from, in id order and locked, so that concurrent completions of their dependencies take turns
     * deciding on them. Every completion runs it: rendered once per number of ids.
     */
    public List<Record> pendingDependentsOf(DSLContext dsl, List<UUID> ids) {
        return pendingDependents
                .call(ids.size())
                .set(COMPLETED, ids)
                .query(dsl, PENDING_DEPENDENT)
                .fetch();
    }

    private Query pendingDependentsTemplate(int size) {
        return lock(DSL.select(PENDING_DEPENDENT)
                .from(TASKS)
                .where(TASKS.ID.in(DSL.selectDistinct(TASK_DEPENDENCIES.TASK_ID)
                        .from(TASK_DEPENDENCIES)
                        .where(TASK_DEPENDENCIES.DEPENDS_ON_ID.in(COMPLETED.first(size)))))
                .and(Statuses.oneOf(TASKS.STATUS, EnumSet.of(TaskStatus.PENDING)))
                .orderBy(TASKS.ID));
    }

    /** Id and status of those of {@code ids} whose status is one of {@code statuses}, locked. */
    public ResultQuery<Record2<UUID, String>> statuses(DSLContext dsl, Collection<UUID> ids, Set<TaskStatus> statuses) {
        return lock(dsl.select(TASKS.ID, TASKS.STATUS)
                .from(TASKS)
                .where(TASKS.ID.in(ids))
                .and(Statuses.oneOf(TASKS.STATUS, statuses))
                .orderBy(TASKS.ID));
    }

    /**
     * Per task of {@code ids} that has dependencies: how many of them are not completed, and when the last of the
     * completed ones completed.
     */
    public ResultQuery<Record3<UUID, Integer, OffsetDateTime>> dependencyProgress(
            DSLContext dsl, Collection<UUID> ids) {
        TaskDependencies d = TASK_DEPENDENCIES.as("d");
        Tasks t = TASKS.as("t");
        return dsl.select(
                        d.TASK_ID,
                        DSL.count().filterWhere(Statuses.oneOf(t.STATUS, UNFINISHED)),
                        DSL.max(t.COMPLETED_AT))
                .from(d)
                .join(t)
                .on(t.ID.eq(d.DEPENDS_ON_ID))
                .where(d.TASK_ID.in(ids))
                .groupBy(d.TASK_ID);
    }

    /** Those of {@code ids} that have a dependency whose status is one of {@code statuses}. */
    public ResultQuery<Record1<UUID>> withDependencyIn(DSLContext dsl, Collection<UUID> ids, Set<TaskStatus> statuses) {
        TaskDependencies d = TASK_DEPENDENCIES.as("d");
        Tasks t = TASKS.as("t");
        return dsl.selectDistinct(d.TASK_ID)
                .from(d)
                .join(t)
                .on(t.ID.eq(d.DEPENDS_ON_ID))
                .where(d.TASK_ID.in(ids))
                .and(Statuses.oneOf(t.STATUS, statuses));
    }

    private <R extends Record> Select<R> lock(SelectForUpdateStep<R> query) {
        return rowLocks ? query.forUpdate() : query;
    }

    private <R extends Record> Select<R> lockSkipping(SelectForUpdateStep<R> query) {
        return skipLocked ? query.forUpdate().skipLocked() : lock(query);
    }
}
