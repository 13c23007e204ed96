package io.stratum.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.stratum.Stratum;
import io.stratum.queue.QueueObserver;
import io.stratum.queue.TaskQueue;
import java.time.Duration;
import java.util.Objects;

/**
 * Micrometer meters for a Stratum store. Stratum itself does not need Micrometer: this module is optional. Binding
 * registers a {@link QueueObserver} on the store, so every queue call and every submit made through the store is
 * metered ({@code db.queue()}, {@code db.tasks()} or a transaction's), and what claims do on their own too:
 *
 * <pre>{@code
 * StratumMetrics metrics = StratumMetrics.bind(db, registry);
 * db.tasks().submit(NewTask.builder("index the repo", "indexer").build());
 * for (Claimed work : db.queue().claim("worker-1", 16, Duration.ofMinutes(5))) { ... }
 * }</pre>
 *
 * <ul>
 *   <li>{@code stratum.queue.operations} (timer; tags {@code backend}, {@code operation} = submit, claim, complete,
 *       fail, heartbeat, reclaim_expired, cancel, retry, {@code outcome} = success or the error code in lower case);
 *   <li>{@code stratum.errors} (counter; tags {@code backend}, {@code code}): typed errors of those calls;
 *   <li>{@code stratum.queue.retries} and {@code stratum.queue.failures} (counters; tag {@code backend}): task
 *       attempts that failed, through {@code fail} or an expired lease, and will run again, or failed for good;
 *   <li>{@code stratum.queue.reclaimed} (counter; tags {@code backend}, {@code by} = claim for a claim's sweep,
 *       reclaim_expired for {@link TaskQueue#reclaimExpired()}): expired leases returned to the queue;
 *   <li>{@code stratum.queue.lease.lost} (counter; tags {@code backend}, {@code operation}): completions, failures
 *       and heartbeats refused with {@code LeaseLost};
 *   <li>gauges read from {@link TaskQueue#stats()} at most once per sampling interval (5 s by default), whatever the
 *       number of gauges and scrapes: {@code stratum.queue.tasks} (tag {@code status}: pending, blocked, ready,
 *       running, failed), {@code stratum.queue.ready.delayed}, {@code stratum.queue.leases.expired},
 *       {@code stratum.queue.oldest.ready.age} (base unit seconds) and {@code stratum.queue.finished.last.minute} (tag
 *       {@code status}: completed, failed, cancelled).
 * </ul>
 *
 * <p>Only committed effects count: a retry or a reclaim whose transaction rolled back is not counted, and calls made
 * inside {@link Stratum#transaction} count once it commits.
 */
public final class StratumMetrics implements AutoCloseable {
    /** How often the gauges read the queue's stats at most, by default. */
    public static final Duration DEFAULT_SAMPLING = Duration.ofSeconds(5);

    private final QueueGauges gauges;
    private final QueueObserver.Registration observing;

    private StratumMetrics(QueueGauges gauges, QueueObserver.Registration observing) {
        this.gauges = gauges;
        this.observing = observing;
    }

    /** {@link #bind(Stratum, MeterRegistry, Duration)} with {@link #DEFAULT_SAMPLING}. */
    public static StratumMetrics bind(Stratum db, MeterRegistry registry) {
        return bind(db, registry, DEFAULT_SAMPLING);
    }

    /**
     * Meters {@code db}, open, in {@code registry}: registers the observer of its queue and the gauges, read from its
     * stats at most once per {@code sampling}. Close the result to stop.
     */
    public static StratumMetrics bind(Stratum db, MeterRegistry registry, Duration sampling) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(registry, "registry");
        if (sampling == null || sampling.isNegative()) {
            throw new IllegalArgumentException("sampling must be zero or more, not " + sampling);
        }
        String backend = db.backendName();
        QueueGauges gauges = QueueGauges.register(registry, backend, new StatsSampler(db.queue(), sampling));
        return new StratumMetrics(gauges, db.observe(new QueueMeters(registry, backend)));
    }

    /** Stops metering: removes the observer from the store and the gauges from the registry. Idempotent. */
    @Override
    public void close() {
        observing.close();
        gauges.remove();
    }
}
