package io.stratum.internal.queue;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.IllegalTransition;
import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.NotFound;
import io.stratum.internal.observe.QueueEvents;
import io.stratum.internal.task.Statuses;
import io.stratum.internal.task.TaskMove;
import io.stratum.internal.task.TaskRows;
import io.stratum.internal.task.TaskTransitions;
import io.stratum.internal.tx.Database;
import io.stratum.internal.values.Arguments;
import io.stratum.internal.values.Text;
import io.stratum.internal.values.Timestamps;
import io.stratum.internal.wake.WakeUps;
import io.stratum.queue.Claimed;
import io.stratum.queue.Completion;
import io.stratum.queue.Failure;
import io.stratum.queue.Lease;
import io.stratum.queue.QueueOperation;
import io.stratum.queue.QueueSettings;
import io.stratum.queue.QueueStats;
import io.stratum.queue.ReclaimedBy;
import io.stratum.queue.TaskQueue;
import io.stratum.task.Task;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * {@link TaskQueue} in jOOQ: one write transaction per call, the same SQL on every backend. Each call is reported
 * to the store's observers through {@link QueueEvents} when there are any.
 */
public final class JooqTaskQueue implements TaskQueue {
    private static final int WORKER_ID_MAX = 200;
    private static final Set<TaskStatus> RUNNING = EnumSet.of(TaskStatus.RUNNING);

    private final Database db;
    private final Clock clock;
    private final TaskTransitions transitions;
    private final FailureCascade cascade;
    private final FailedAttempts attempts;
    private final Reclaimer reclaimer;
    private final Claims claims;
    private final Completions completions;
    private final WakeUps wakeUps;
    private final QueueStatistics statistics;
    private final QueueEvents events;

    public JooqTaskQueue(
            Database db,
            Clock clock,
            QueueQueries queries,
            TaskTransitions transitions,
            QueueSettings settings,
            ReclaimTimer reclaimTimer,
            WakeUps wakeUps,
            QueueEvents events) {
        this.db = db;
        this.clock = clock;
        this.transitions = transitions;
        this.cascade =
                new FailureCascade(queries, new DependencyWalk(queries), transitions, settings.dependentsOnFailure());
        this.attempts = new FailedAttempts(transitions, settings, wakeUps, events);
        this.reclaimer = new Reclaimer(queries, attempts, cascade, events);
        this.claims = new Claims(queries, transitions, reclaimer, clock, reclaimTimer);
        this.completions = new Completions(transitions, new Promotion(queries, transitions, wakeUps));
        this.wakeUps = wakeUps;
        this.statistics = queries.statistics();
        this.events = events;
    }

    private JooqTaskQueue(Database db, JooqTaskQueue shared) {
        this.db = db;
        this.clock = shared.clock;
        this.transitions = shared.transitions;
        this.cascade = shared.cascade;
        this.attempts = shared.attempts;
        this.reclaimer = shared.reclaimer;
        this.claims = shared.claims;
        this.completions = shared.completions;
        this.wakeUps = shared.wakeUps;
        this.statistics = shared.statistics;
        this.events = shared.events;
    }

    /** This queue on {@code db}, sharing its statements, timers and observers. */
    public JooqTaskQueue on(Database db) {
        return new JooqTaskQueue(db, this);
    }

    @Override
    public QueueStats stats() {
        return db.readSnapshot(dsl -> statistics.read(dsl, Timestamps.now(clock)));
    }

    @Override
    public List<Claimed> claim(String workerId, int max, Duration leaseDuration) {
        return events.any()
                ? events.timed(QueueOperation.CLAIM, () -> claimNow(workerId, max, leaseDuration))
                : claimNow(workerId, max, leaseDuration);
    }

    @Override
    public List<Claimed> claim(String workerId, int max, Duration leaseDuration, Duration wait) {
        return events.any()
                ? events.timed(QueueOperation.CLAIM, () -> claimWaiting(workerId, max, leaseDuration, wait))
                : claimWaiting(workerId, max, leaseDuration, wait);
    }

    private List<Claimed> claimNow(String workerId, int max, Duration leaseDuration) {
        Text.required("workerId", workerId, WORKER_ID_MAX);
        if (max < 1 || max > MAX_CLAIM) {
            throw new InvalidInput("max", max + " is outside 1.." + MAX_CLAIM);
        }
        Leases.requireDuration("leaseDuration", leaseDuration);
        return claims.claim(db, workerId, max, leaseDuration);
    }

    private List<Claimed> claimWaiting(String workerId, int max, Duration leaseDuration, Duration wait) {
        if (wait == null || wait.isNegative()) {
            throw new InvalidInput("wait", wait == null ? "must not be null" : wait + " must be zero or more");
        }
        return wait.isZero()
                ? claimNow(workerId, max, leaseDuration)
                : wakeUps.untilFound(wait, () -> claimNow(workerId, max, leaseDuration));
    }

    @Override
    public void complete(Lease lease, Json result) {
        completeAll(List.of(new Completion(lease, result)));
    }

    @Override
    public void completeAll(List<Completion> completions) {
        if (events.any()) {
            events.timed(QueueOperation.COMPLETE, () -> completeNow(completions));
        } else {
            completeNow(completions);
        }
    }

    private void completeNow(List<Completion> completions) {
        List<Completion> sorted = Leases.byTask("completions", completions, Completion::lease);
        if (sorted.isEmpty()) {
            return;
        }
        db.write(dsl -> {
            this.completions.complete(dsl, sorted, Timestamps.now(clock));
            return null;
        });
    }

    @Override
    public void fail(Lease lease, String error) {
        failAll(List.of(new Failure(lease, error)));
    }

    @Override
    public void failAll(List<Failure> failures) {
        if (events.any()) {
            events.timed(QueueOperation.FAIL, () -> failNow(failures));
        } else {
            failNow(failures);
        }
    }

    private void failNow(List<Failure> failures) {
        List<Failure> sorted = Leases.byTask("failures", failures, Failure::lease);
        if (sorted.isEmpty()) {
            return;
        }
        db.write(dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            Map<UUID, Record> rows = new HashMap<>();
            List<UUID> ids =
                    sorted.stream().map(f -> f.lease().taskId().value()).toList();
            for (List<UUID> chunk : TaskTransitions.chunks(ids)) {
                rows.putAll(dsl.select(FailedAttempts.COLUMNS)
                        .from(TASKS)
                        .where(TASKS.ID.in(chunk))
                        .fetchMap(TASKS.ID));
            }
            List<UUID> failed = new ArrayList<>();
            for (Failure f : sorted) {
                Record row = rows.get(f.lease().taskId().value());
                if (row == null) {
                    throw new NotFound("task", f.lease().taskId());
                }
                switch (attempts.record(
                        dsl,
                        row,
                        f.error(),
                        Leases.held(f.lease().token(), f.lease().owner(), now),
                        f.lease().owner(),
                        now)) {
                    case LOST -> throw Leases.lost(dsl, f.lease(), now);
                    case FAILED -> failed.add(row.get(TASKS.ID));
                    case RETRYING -> {}
                }
            }
            cascade.afterFinalFailure(dsl, failed, now);
            return null;
        });
    }

    @Override
    public Lease heartbeat(Lease lease, Duration leaseDuration) {
        return events.any()
                ? events.timed(QueueOperation.HEARTBEAT, () -> heartbeatNow(lease, leaseDuration))
                : heartbeatNow(lease, leaseDuration);
    }

    private Lease heartbeatNow(Lease lease, Duration leaseDuration) {
        if (lease == null) {
            throw new InvalidInput("lease", "is required");
        }
        Leases.requireDuration("leaseDuration", leaseDuration);
        return db.write(dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            OffsetDateTime expires = Timestamps.normalize(now.plus(leaseDuration));
            int extended = dsl.update(TASKS)
                    .set(TASKS.LEASE_EXPIRES_AT, expires)
                    .where(TASKS.ID.eq(lease.taskId().value()))
                    .and(Statuses.oneOf(TASKS.STATUS, RUNNING))
                    .and(Leases.held(lease.token(), lease.owner(), now))
                    .execute();
            if (extended == 0) {
                throw Leases.lost(dsl, lease, now);
            }
            return new Lease(lease.taskId(), lease.owner(), lease.token(), expires);
        });
    }

    @Override
    public int reclaimExpired() {
        return events.any() ? events.timed(QueueOperation.RECLAIM_EXPIRED, this::reclaimNow) : reclaimNow();
    }

    private int reclaimNow() {
        int total = 0;
        int reclaimed;
        do {
            reclaimed = db.write(dsl -> reclaimer.reclaim(dsl, Timestamps.now(clock), ReclaimedBy.RECLAIM_EXPIRED));
            total += reclaimed;
        } while (reclaimed > 0);
        return total;
    }

    @Override
    public List<TaskId> cancel(TaskId id) {
        return events.any() ? events.timed(QueueOperation.CANCEL, () -> cancelNow(id)) : cancelNow(id);
    }

    private List<TaskId> cancelNow(TaskId id) {
        Arguments.require("id", id);
        return db.write(dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            if (transitions
                    .move(dsl, List.of(id.value()), TaskMove.of(FailureCascade.CANCELLABLE, TaskStatus.CANCELLED), now)
                    .isEmpty()) {
                String status = statusOf(dsl, id);
                if (TaskStatus.CANCELLED.dbValue().equals(status)) {
                    return List.<TaskId>of();
                }
                throw new IllegalTransition(id, status, TaskStatus.CANCELLED.dbValue());
            }
            List<TaskId> cancelled = new ArrayList<>();
            cancelled.add(id);
            cascade.cancelDependentsOf(dsl, id.value(), now).forEach(d -> cancelled.add(new TaskId(d)));
            return cancelled;
        });
    }

    @Override
    public Task retry(TaskId id) {
        return events.any() ? events.timed(QueueOperation.RETRY, () -> retryNow(id)) : retryNow(id);
    }

    private Task retryNow(TaskId id) {
        Arguments.require("id", id);
        return db.write(dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            Record row = dsl.select(FailedAttempts.COLUMNS)
                    .from(TASKS)
                    .where(TASKS.ID.eq(id.value()))
                    .fetchOne();
            if (row == null) {
                throw new NotFound("task", id);
            }
            if (transitions
                    .move(
                            dsl,
                            List.of(id.value()),
                            TaskMove.of(TaskStatus.FAILED, TaskStatus.READY)
                                    .set(TASKS.RETRY_COUNT, 0)
                                    .set(TASKS.RUN_AFTER, now)
                                    .set(TASKS.CALCULATED_PRIORITY, Promotion.priority(row, now)),
                            now)
                    .isEmpty()) {
                throw new IllegalTransition(id, statusOf(dsl, id), TaskStatus.READY.dbValue());
            }
            cascade.afterRetry(dsl, id.value(), now);
            wakeUps.madeReady();
            return TaskRows.byId(dsl, List.of(id.value())).get(id.value());
        });
    }

    private static String statusOf(DSLContext dsl, TaskId id) {
        String status = dsl.select(TASKS.STATUS)
                .from(TASKS)
                .where(TASKS.ID.eq(id.value()))
                .fetchOne(TASKS.STATUS);
        if (status == null) {
            throw new NotFound("task", id);
        }
        return status;
    }
}
