package io.stratum.micrometer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.stratum.Stratum;
import io.stratum.queue.QueueStats;
import io.stratum.queue.TaskQueue;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters for a Stratum store. Stratum itself does not need Micrometer: this module is optional.
 *
 * <pre>{@code
 * StratumMetrics metrics = StratumMetrics.bind(db, registry);
 * TaskId id = metrics.submit(NewTask.builder("index the repo", "indexer").build());
 * for (Claimed work : metrics.queue().claim("worker-1", 16, Duration.ofMinutes(5))) { ... }
 * }</pre>
 *
 * <ul>
 *   <li>{@code stratum.queue.operations} (timer; tags {@code backend}, {@code operation} = submit, claim, complete,
 *       fail, heartbeat, reclaim, cancel, retry, {@code outcome} = success or the error code in lower case), for the
 *       calls made through {@link #queue()} and {@link #submit}/{@link #submitAll};
 *   <li>{@code stratum.errors} (counter; tags {@code backend}, {@code code}): typed errors of those calls;
 *   <li>{@code stratum.queue.lease.lost} (counter; tags {@code backend}, {@code operation}): completions, failures
 *       and heartbeats refused with {@code LeaseLost};
 *   <li>{@code stratum.queue.reclaimed} (counter): leases reclaimed by {@link TaskQueue#reclaimExpired()} through
 *       {@link #queue()} (those a claim reclaims on its own are not counted);
 *   <li>gauges read from {@link TaskQueue#stats()} at most once per sampling interval (5 s by default), whatever the
 *       number of gauges and scrapes: {@code stratum.queue.tasks} (tag {@code status}: pending, blocked, ready,
 *       running, failed), {@code stratum.queue.ready.delayed}, {@code stratum.queue.leases.expired},
 *       {@code stratum.queue.oldest.ready.age} (base unit seconds) and {@code stratum.queue.finished.last.minute} (tag
 *       {@code status}: completed, failed, cancelled).
 * </ul>
 */
public final class StratumMetrics {
    /** How often the gauges read the queue's stats at most, by default. */
    public static final Duration DEFAULT_SAMPLING = Duration.ofSeconds(5);

    private final Stratum db;
    private final Meters meters;
    private final TaskQueue queue;

    private StratumMetrics(Stratum db, Meters meters) {
        this.db = db;
        this.meters = meters;
        this.queue = new MeteredTaskQueue(db.queue(), meters);
    }

    /** {@link #bind(Stratum, MeterRegistry, Duration)} with {@link #DEFAULT_SAMPLING}. */
    public static StratumMetrics bind(Stratum db, MeterRegistry registry) {
        return bind(db, registry, DEFAULT_SAMPLING);
    }

    /**
     * Registers the gauges of {@code db}'s queue in {@code registry}, read from its stats at most once per
     * {@code sampling}, and returns the metered entry points.
     */
    public static StratumMetrics bind(Stratum db, MeterRegistry registry, Duration sampling) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(registry, "registry");
        if (sampling == null || sampling.isNegative()) {
            throw new IllegalArgumentException("sampling must be zero or more, not " + sampling);
        }
        String backend = db.backendName();
        StatsSampler sampler = new StatsSampler(db.queue(), sampling);
        gauge(
                registry,
                backend,
                sampler,
                "stratum.queue.tasks",
                "pending",
                s -> s.active().pending());
        gauge(
                registry,
                backend,
                sampler,
                "stratum.queue.tasks",
                "blocked",
                s -> s.active().blocked());
        gauge(
                registry,
                backend,
                sampler,
                "stratum.queue.tasks",
                "ready",
                s -> s.active().ready());
        gauge(
                registry,
                backend,
                sampler,
                "stratum.queue.tasks",
                "running",
                s -> s.active().running());
        gauge(registry, backend, sampler, "stratum.queue.tasks", "failed", QueueStats::failed);
        gauge(registry, backend, sampler, "stratum.queue.ready.delayed", null, QueueStats::readyDelayed);
        gauge(registry, backend, sampler, "stratum.queue.leases.expired", null, QueueStats::expiredLeases);
        Gauge.builder("stratum.queue.oldest.ready.age", sampler, s -> {
                    QueueStats stats = s.current();
                    return stats == null ? Double.NaN : stats.oldestReadyAge().toNanos() / 1e9;
                })
                .baseUnit("seconds")
                .tag("backend", backend)
                .strongReference(true)
                .register(registry);
        gauge(
                registry,
                backend,
                sampler,
                "stratum.queue.finished.last.minute",
                "completed",
                QueueStats::completedInWindow);
        gauge(registry, backend, sampler, "stratum.queue.finished.last.minute", "failed", QueueStats::failedInWindow);
        gauge(
                registry,
                backend,
                sampler,
                "stratum.queue.finished.last.minute",
                "cancelled",
                QueueStats::cancelledInWindow);
        return new StratumMetrics(db, new Meters(registry, backend));
    }

    private static void gauge(
            MeterRegistry registry,
            String backend,
            StatsSampler sampler,
            String name,
            String status,
            ToDoubleFunction<QueueStats> value) {
        Gauge.Builder<StatsSampler> gauge = Gauge.builder(name, sampler, s -> {
                    QueueStats stats = s.current();
                    return stats == null ? Double.NaN : value.applyAsDouble(stats);
                })
                .tag("backend", backend);
        if (status != null) {
            gauge.tag("status", status);
        }
        gauge.strongReference(true).register(registry);
    }

    /** The store's queue, with its calls timed and their errors counted. */
    public TaskQueue queue() {
        return queue;
    }

    /** {@code db.tasks().submit(task)}, timed as {@code submit}. */
    public TaskId submit(NewTask task) {
        return meters.timed("submit", () -> db.tasks().submit(task));
    }

    /** {@code db.tasks().submitAll(tasks)}, timed as {@code submit}. */
    public List<TaskId> submitAll(List<NewTask> tasks) {
        return meters.timed("submit", () -> db.tasks().submitAll(tasks));
    }
}
