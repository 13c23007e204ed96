package io.stratum.internal.queue;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.codegen.jooq.Indexes;
import io.stratum.internal.task.StatusGroup;
import io.stratum.internal.values.Binds;
import io.stratum.queue.ActiveCounts;
import io.stratum.queue.QueueStats;
import io.stratum.spi.Backend;
import io.stratum.task.TaskStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The statements of {@link io.stratum.queue.TaskQueue#stats()}, each served by one index, none reading the table
 * (the conformance suite checks their plans): active counts by agent type and status through the index-only
 * {@code ix_tasks_active}; the oldest claimable task and the delayed ones through {@code ix_tasks_due}; expired leases
 * through {@code ix_tasks_lease_expiry}; the finished window through {@code ix_tasks_finished} and
 * {@code ix_tasks_failed}. Statuses are inline literals repeating the partial indexes' predicates.
 */
final class QueueStatistics {
    private static final List<TaskStatus> ACTIVE =
            List.of(TaskStatus.PENDING, TaskStatus.BLOCKED, TaskStatus.READY, TaskStatus.RUNNING);
    private static final Condition IS_ACTIVE = TASKS.STATUS.in(literals(ACTIVE));
    private static final Condition IS_READY = TASKS.STATUS.eq(DSL.inline(TaskStatus.READY.dbValue()));
    private static final Condition IS_FAILED = TASKS.STATUS.eq(DSL.inline(TaskStatus.FAILED.dbValue()));

    private final Table<?> active;
    private final Table<?> due;
    private final Table<?> leases;
    private final Table<?> finished;
    private final Table<?> failed;

    QueueStatistics(Backend backend) {
        this.active = backend.readThrough(Indexes.IX_TASKS_ACTIVE);
        this.due = backend.readThrough(Indexes.IX_TASKS_DUE);
        this.leases = backend.readThrough(StatusGroup.RUNNING.index());
        this.finished = backend.readThrough(StatusGroup.FINISHED.index());
        this.failed = backend.readThrough(Indexes.IX_TASKS_FAILED);
    }

    QueueStats read(DSLContext dsl, OffsetDateTime now) {
        Map<String, ActiveCounts> byAgentType = activeByAgentType(dsl);
        ActiveCounts total = byAgentType.values().stream().reduce(ActiveCounts.NONE, ActiveCounts::plus);
        OffsetDateTime oldest =
                dsl.select(DSL.min(TASKS.RUN_AFTER)).from(due).where(IS_READY).fetchOne(0, OffsetDateTime.class);
        long delayed = count(dsl, due, IS_READY.and(TASKS.RUN_AFTER.gt(Binds.timestamp(now))));
        long expired = count(
                dsl,
                leases,
                StatusGroup.RUNNING.predicate(TASKS.STATUS).and(TASKS.LEASE_EXPIRES_AT.le(Binds.timestamp(now))));
        OffsetDateTime since = now.minus(QueueStats.WINDOW);
        Map<String, Long> finishedInWindow = finishedSince(dsl, since);
        Field<Integer> recent = DSL.count().filterWhere(TASKS.COMPLETED_AT.ge(Binds.timestamp(since)));
        Record failures =
                dsl.select(DSL.count(), recent).from(failed).where(IS_FAILED).fetchOne();
        return new QueueStats(
                now.toInstant(),
                total,
                total.ready() - delayed,
                delayed,
                oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now),
                expired,
                failures.get(0, Long.class),
                QueueStats.WINDOW,
                finishedInWindow.getOrDefault(TaskStatus.COMPLETED.dbValue(), 0L),
                failures.get(1, Long.class),
                finishedInWindow.getOrDefault(TaskStatus.CANCELLED.dbValue(), 0L),
                byAgentType);
    }

    private Map<String, ActiveCounts> activeByAgentType(DSLContext dsl) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        dsl.select(TASKS.AGENT_TYPE, TASKS.STATUS, DSL.count())
                .from(active)
                .where(IS_ACTIVE)
                .groupBy(TASKS.AGENT_TYPE, TASKS.STATUS)
                .fetch()
                .forEach(r -> counts.computeIfAbsent(r.value1(), k -> new HashMap<>())
                        .put(r.value2(), r.value3().longValue()));
        Map<String, ActiveCounts> byAgentType = new HashMap<>();
        counts.forEach((agentType, byStatus) -> byAgentType.put(
                agentType,
                new ActiveCounts(
                        byStatus.getOrDefault(TaskStatus.PENDING.dbValue(), 0L),
                        byStatus.getOrDefault(TaskStatus.BLOCKED.dbValue(), 0L),
                        byStatus.getOrDefault(TaskStatus.READY.dbValue(), 0L),
                        byStatus.getOrDefault(TaskStatus.RUNNING.dbValue(), 0L))));
        return byAgentType;
    }

    private Map<String, Long> finishedSince(DSLContext dsl, OffsetDateTime since) {
        return dsl.select(TASKS.STATUS, DSL.count())
                .from(finished)
                .where(StatusGroup.FINISHED.predicate(TASKS.STATUS))
                .and(TASKS.COMPLETED_AT.ge(Binds.timestamp(since)))
                .groupBy(TASKS.STATUS)
                .fetchMap(r -> r.value1(), r -> r.value2().longValue());
    }

    private static long count(DSLContext dsl, Table<?> through, Condition condition) {
        return dsl.selectCount().from(through).where(condition).fetchOne(0, Long.class);
    }

    private static List<Field<String>> literals(List<TaskStatus> statuses) {
        return statuses.stream()
                .<Field<String>>map(s -> DSL.inline(s.dbValue()))
                .toList();
    }
}
