package io.stratum.internal;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.IllegalTransition;
import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.NotFound;
import io.stratum.queue.Claimed;
import io.stratum.queue.Completion;
import io.stratum.queue.Failure;
import io.stratum.queue.Lease;
import io.stratum.queue.QueueSettings;
import io.stratum.queue.TaskQueue;
import io.stratum.task.Task;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;

/** {@link TaskQueue} in jOOQ: one write transaction per call, the same SQL on every backend. */
public final class JooqTaskQueue implements TaskQueue {
    private static final int WORKER_ID_MAX = 200;
    private static final Set<TaskStatus> RUNNING = EnumSet.of(TaskStatus.RUNNING);

    private final Database db;
    private final Clock clock;
    private final QueueQueries queries;
    private final TaskTransitions transitions;
    private final Promotion promotion;
    private final FailureCascade cascade;
    private final FailedAttempts attempts;
    private final Reclaimer reclaimer;

    public JooqTaskQueue(Database db, Clock clock, QueueQueries queries, TaskTransitions transitions,
                         QueueSettings settings) {
        this.db = db;
        this.clock = clock;
        this.queries = queries;
        this.transitions = transitions;
        DependencyWalk walk = new DependencyWalk(queries);
        this.promotion = new Promotion(queries, transitions);
        this.cascade = new FailureCascade(queries, walk, transitions, settings.dependentsOnFailure());
        this.attempts = new FailedAttempts(transitions, settings);
        this.reclaimer = new Reclaimer(queries, attempts, cascade);
    }

    @Override
    public List<Claimed> claim(String workerId, int max, Duration leaseDuration) {
        Text.required("workerId", workerId, WORKER_ID_MAX);
        if (max < 1 || max > MAX_CLAIM) {
            throw new InvalidInput("max", max + " is outside 1.." + MAX_CLAIM);
        }
        Leases.requirePositive("leaseDuration", leaseDuration);
        return db.write(dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            reclaimer.reclaim(dsl, now);
            List<UUID> candidates = queries.claimable(dsl, now, max).fetch(TASKS.ID);
            if (candidates.isEmpty()) {
                return List.of();
            }
            // Stamped after the candidates were read, so that no task appears to start before the completion
            // of a dependency that committed while this transaction was under way.
            OffsetDateTime started = Timestamps.now(clock);
            UUID token = UUID.randomUUID();
            OffsetDateTime expires = Timestamps.normalize(started.plus(leaseDuration));
            List<UUID> claimed = transitions.move(dsl, candidates, EnumSet.of(TaskStatus.READY), TaskStatus.RUNNING,
                    started, Map.of(TASKS.LEASE_OWNER, workerId, TASKS.LEASE_TOKEN, token,
                            TASKS.LEASE_EXPIRES_AT, expires, TASKS.STARTED_AT, started));
            Map<UUID, Task> tasks = read(dsl, claimed);
            return candidates.stream().filter(tasks::containsKey)
                    .map(id -> new Claimed(tasks.get(id), new Lease(new TaskId(id), workerId, token, expires)))
                    .toList();
        });
    }

    @Override
    public void complete(Lease lease, Json result) {
        completeAll(List.of(new Completion(lease, result)));
    }

    @Override
    public void completeAll(List<Completion> completions) {
        List<Completion> sorted = Leases.byTask("completions", completions, Completion::lease);
        if (sorted.isEmpty()) {
            return;
        }
        // The tasks of one claim share owner and token; those with the same result finish in one statement.
        Map<List<Object>, List<Completion>> groups = sorted.stream().collect(Collectors.groupingBy(
                c -> Arrays.asList(c.lease().token(), c.lease().owner(), c.result()), LinkedHashMap::new,
                Collectors.toList()));
        db.write(dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            List<UUID> done = new ArrayList<>();
            for (List<Completion> group : groups.values()) {
                Lease lease = group.getFirst().lease();
                List<UUID> ids = group.stream().map(c -> c.lease().taskId().value()).toList();
                Set<UUID> moved = new HashSet<>(transitions.move(dsl, ids, RUNNING, TaskStatus.COMPLETED, now,
                        Collections.singletonMap(TASKS.RESULT_DATA, TaskRows.jsonb(group.getFirst().result())),
                        Leases.held(lease.token(), lease.owner(), now)));
                for (Completion c : group) {
                    if (!moved.contains(c.lease().taskId().value())) {
                        throw Leases.lost(dsl, c.lease(), now);
                    }
                }
                done.addAll(ids);
            }
            promotion.promoteDependentsOf(dsl, done, now);
            return null;
        });
    }

    @Override
    public void fail(Lease lease, String error) {
        failAll(List.of(new Failure(lease, error)));
    }

    @Override
    public void failAll(List<Failure> failures) {
        List<Failure> sorted = Leases.byTask("failures", failures, Failure::lease);
        if (sorted.isEmpty()) {
            return;
        }
        db.write(dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            Map<UUID, Record> rows = dsl.select(FailedAttempts.COLUMNS).from(TASKS)
                    .where(TASKS.ID.in(sorted.stream().map(f -> f.lease().taskId().value()).toList()))
                    .fetchMap(TASKS.ID);
            List<UUID> failed = new ArrayList<>();
            for (Failure f : sorted) {
                Record row = rows.get(f.lease().taskId().value());
                if (row == null) {
                    throw new NotFound("task", f.lease().taskId());
                }
                switch (attempts.record(dsl, row, f.error(), Leases.held(f.lease().token(), f.lease().owner(), now),
                        now)) {
                    case LOST -> throw Leases.lost(dsl, f.lease(), now);
                    case FAILED -> failed.add(row.get(TASKS.ID));
                    case RETRYING -> { }
                }
            }
            cascade.afterFinalFailure(dsl, failed, now);
            return null;
        });
    }

    @Override
    public Lease heartbeat(Lease lease, Duration leaseDuration) {
        if (lease == null) {
            throw new InvalidInput("lease", "is required");
        }
        Leases.requirePositive("leaseDuration", leaseDuration);
        return db.write(dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            OffsetDateTime expires = Timestamps.normalize(now.plus(leaseDuration));
            int extended = dsl.update(TASKS).set(TASKS.LEASE_EXPIRES_AT, expires)
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
        int total = 0;
        int reclaimed;
        do {
            reclaimed = db.write(dsl -> reclaimer.reclaim(dsl, Timestamps.now(clock)));
            total += reclaimed;
        } while (reclaimed > 0);
        return total;
    }

    @Override
    public List<TaskId> cancel(TaskId id) {
        JooqTaskRepository.requireArgument("id", id);
        return db.write(dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            if (transitions.move(dsl, List.of(id.value()), FailureCascade.CANCELLABLE, TaskStatus.CANCELLED, now,
                    Map.of()).isEmpty()) {
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
        JooqTaskRepository.requireArgument("id", id);
        return db.write(dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            Record row = dsl.select(FailedAttempts.COLUMNS).from(TASKS).where(TASKS.ID.eq(id.value())).fetchOne();
            if (row == null) {
                throw new NotFound("task", id);
            }
            if (transitions.move(dsl, List.of(id.value()), EnumSet.of(TaskStatus.FAILED), TaskStatus.READY, now,
                    Map.of(TASKS.RETRY_COUNT, 0, TASKS.RUN_AFTER, now,
                            TASKS.CALCULATED_PRIORITY, Promotion.priority(row, now))).isEmpty()) {
                throw new IllegalTransition(id, statusOf(dsl, id), TaskStatus.READY.dbValue());
            }
            cascade.afterRetry(dsl, id.value(), now);
            return read(dsl, List.of(id.value())).get(id.value());
        });
    }

    private static String statusOf(DSLContext dsl, TaskId id) {
        String status = dsl.select(TASKS.STATUS).from(TASKS).where(TASKS.ID.eq(id.value())).fetchOne(TASKS.STATUS);
        if (status == null) {
            throw new NotFound("task", id);
        }
        return status;
    }

    private static Map<UUID, Task> read(DSLContext dsl, List<UUID> ids) {
        return TaskRows.toTasks(dsl, dsl.selectFrom(TASKS).where(TASKS.ID.in(ids)).fetch()).stream()
                .collect(Collectors.toMap(t -> t.id().value(), Function.identity()));
    }
}
