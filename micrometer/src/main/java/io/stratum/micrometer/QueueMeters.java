package io.stratum.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stratum.ErrorCode;
import io.stratum.queue.QueueObserver;
import io.stratum.queue.QueueOperation;
import io.stratum.queue.ReclaimedBy;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The observer {@link StratumMetrics} registers: turns what the queue reports into meters tagged with the backend. */
final class QueueMeters implements QueueObserver {
    private final MeterRegistry registry;
    private final String backend;
    private final Counter retries;
    private final Counter failures;

    QueueMeters(MeterRegistry registry, String backend) {
        this.registry = registry;
        this.backend = backend;
        this.retries = Counter.builder("stratum.queue.retries")
                .description("Task attempts that failed and will run again")
                .tag("backend", backend)
                .register(registry);
        this.failures = Counter.builder("stratum.queue.failures")
                .description("Task attempts that failed with no retry left: the task failed for good")
                .tag("backend", backend)
                .register(registry);
    }

    @Override
    public void operationEnded(QueueOperation operation, Duration elapsed, Optional<ErrorCode> error) {
        String outcome = error.map(QueueMeters::tagValue).orElse("success");
        Timer.builder("stratum.queue.operations")
                .description("Time of the queue's calls")
                .tag("backend", backend)
                .tag("operation", tagValue(operation))
                .tag("outcome", outcome)
                .register(registry)
                .record(elapsed);
        if (error.isPresent()) {
            Counter.builder("stratum.errors")
                    .description("Typed errors of the queue's calls, by code")
                    .tag("backend", backend)
                    .tag("code", outcome)
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void attemptFailed(boolean retried) {
        (retried ? retries : failures).increment();
    }

    @Override
    public void leasesReclaimed(int count, ReclaimedBy by) {
        Counter.builder("stratum.queue.reclaimed")
                .description("Expired leases returned to the queue, by a claim's sweep or by reclaimExpired()")
                .tag("backend", backend)
                .tag("by", tagValue(by))
                .register(registry)
                .increment(count);
    }

    @Override
    public void leaseLost(QueueOperation operation) {
        Counter.builder("stratum.queue.lease.lost")
                .description("Completions, failures and heartbeats refused because the lease was lost")
                .tag("backend", backend)
                .tag("operation", tagValue(operation))
                .register(registry)
                .increment();
    }

    private static String tagValue(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
