package io.stratum.micrometer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stratum.queue.QueueStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/** The gauges of a queue's stats, all read from one {@link StatsSampler}, registered until {@link #remove()}. */
final class QueueGauges {
    private final MeterRegistry registry;
    private final String backend;
    private final StatsSampler sampler;
    private final List<Meter> gauges = new ArrayList<>();

    private QueueGauges(MeterRegistry registry, String backend, StatsSampler sampler) {
        this.registry = registry;
        this.backend = backend;
        this.sampler = sampler;
    }

    /** Registers the gauges of the stats {@code sampler} reads in {@code registry}, tagged with {@code backend}. */
    static QueueGauges register(MeterRegistry registry, String backend, StatsSampler sampler) {
        QueueGauges gauges = new QueueGauges(registry, backend, sampler);
        gauges.byStatus("stratum.queue.tasks", "pending", s -> s.active().pending());
        gauges.byStatus("stratum.queue.tasks", "blocked", s -> s.active().blocked());
        gauges.byStatus("stratum.queue.tasks", "ready", s -> s.active().ready());
        gauges.byStatus("stratum.queue.tasks", "running", s -> s.active().running());
        gauges.byStatus("stratum.queue.tasks", "failed", QueueStats::failed);
        gauges.add(Gauge.builder("stratum.queue.ready.delayed", gauges.read(QueueStats::readyDelayed)));
        gauges.add(Gauge.builder("stratum.queue.leases.expired", gauges.read(QueueStats::expiredLeases)));
        gauges.add(Gauge.builder(
                        "stratum.queue.oldest.ready.age",
                        gauges.read(s -> s.oldestReadyAge().toNanos() / 1e9))
                .baseUnit("seconds"));
        gauges.byStatus("stratum.queue.finished.last.minute", "completed", QueueStats::completedInWindow);
        gauges.byStatus("stratum.queue.finished.last.minute", "failed", QueueStats::failedInWindow);
        gauges.byStatus("stratum.queue.finished.last.minute", "cancelled", QueueStats::cancelledInWindow);
        return gauges;
    }

    /** Removes the gauges from the registry. */
    void remove() {
        gauges.forEach(registry::remove);
    }

    private void byStatus(String name, String status, ToDoubleFunction<QueueStats> value) {
        add(Gauge.builder(name, read(value)).tag("status", status));
    }

    private void add(Gauge.Builder<?> gauge) {
        gauges.add(gauge.tag("backend", backend).strongReference(true).register(registry));
    }

    /** The value from the latest snapshot, NaN while none could be read. */
    private Supplier<Number> read(ToDoubleFunction<QueueStats> value) {
        return () -> {
            QueueStats stats = sampler.current();
            return stats == null ? Double.NaN : value.applyAsDouble(stats);
        };
    }
}
