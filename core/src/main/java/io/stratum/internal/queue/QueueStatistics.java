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
 * (the conformance suite checks their plans): one pass over {@code ix_tasks_active (agent_type, status, run_after)},
 * reading the index only, counts the active tasks by agent type and status, the ready ones still waiting for their
 * {@code run_after}, and finds the oldest claimable one; expired leases and their holders come through
 * {@code ix_tasks_lease_expiry}; the finished window through {@code ix_tasks_finished} and {@code ix_tasks_failed}.
 * Statuses are inline literals repeating the partial indexes' predicates.
 */
final class QueueStatistics {
    private static final List<TaskStatus> ACTIVE =
            List.of(TaskStatus.PENDING, TaskStatus.BLOCKED, TaskStatus.READY, TaskStatus.RUNNING);
    private static final Condition IS_ACTIVE = TASKS.STATUS.in(literals(ACTIVE));
    private static final Condition IS_FAILED = TASKS.STATUS.eq(DSL.inline(TaskStatus.FAILED.dbValue()));

    private final Table<?> active;
    private final Table<?> leases;
    private final Table<?> finished;
    private final Table<?> failed;

    QueueStatistics(Backend backend) {
        this.active = backend.readThrough(Indexes.IX_TASKS_ACTIVE);
        this.leases = backend.readThrough(StatusGroup.RUNNING.index());
        this.finished = backend.readThrough(StatusGroup.FINISHED.index());
        this.failed = backend.readThrough(Indexes.IX_TASKS_FAILED);
    }

    QueueStats read(DSLContext dsl, OffsetDateTime now) {
        Active active = active(dsl, now);
        Map<String, ActiveCounts> byAgentType = active.byAgentType();
        ActiveCounts total = byAgentType.values().stream().reduce(ActiveCounts.NONE, ActiveCounts::plus);
        OffsetDateTime oldest = active.oldestDue();
        long delayed = active.delayed();
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
                byAgentType,
                runningByWorker(dsl));
    }

    private Map<String, Long> runningByWorker(DSLContext dsl) {
        return dsl.select(TASKS.LEASE_OWNER, DSL.count())
                .from(leases)
                .where(StatusGroup.RUNNING.predicate(TASKS.STATUS))
                .groupBy(TASKS.LEASE_OWNER)
                .fetchMap(r -> r.value1(), r -> r.value2().longValue());
    }

    /** What the pass over the active tasks found: counts, delayed ready tasks, the oldest claimable run_after. */
    private record Active(Map<String, ActiveCounts> byAgentType, long delayed, OffsetDateTime oldestDue) {}

    private Active active(DSLContext dsl, OffsetDateTime now) {
        Field<OffsetDateTime> at = Binds.timestamp(now);
        Field<Integer> delayed = DSL.count().filterWhere(TASKS.RUN_AFTER.gt(at));
        Field<OffsetDateTime> oldestDue = DSL.min(TASKS.RUN_AFTER).filterWhere(TASKS.RUN_AFTER.le(at));
        Map<String, Map<String, Long>> counts = new HashMap<>();
        long delayedReady = 0;
        OffsetDateTime oldest = null;
        for (Record r : dsl.select(TASKS.AGENT_TYPE, TASKS.STATUS, DSL.count(), delayed, oldestDue)
                .from(active)
                .where(IS_ACTIVE)
                .groupBy(TASKS.AGENT_TYPE, TASKS.STATUS)
                .fetch()) {
            String status = r.get(TASKS.STATUS);
            counts.computeIfAbsent(r.get(TASKS.AGENT_TYPE), k -> new HashMap<>())
                    .put(status, r.get(2, Long.class));
            if (TaskStatus.READY.dbValue().equals(status)) {
                delayedReady += r.get(3, Long.class);
                OffsetDateTime due = r.get(oldestDue);
                if (due != null && (oldest == null || due.isBefore(oldest))) {
                    oldest = due;
                }
            }
        }
        return new Active(byAgentType(counts), delayedReady, oldest);
    }

    private static Map<String, ActiveCounts> byAgentType(Map<String, Map<String, Long>> counts) {
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
