package io.stratum.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stratum.LeaseLost;
import io.stratum.StratumException;
import java.util.Locale;
import java.util.function.Supplier;

/** Times one operation of the store and counts its typed errors, tagged with the backend. */
final class Meters {
    private final MeterRegistry registry;
    private final String backend;

    Meters(MeterRegistry registry, String backend) {
        this.registry = registry;
        this.backend = backend;
    }

    /** Runs {@code work}, timed under {@code operation} with its outcome: {@code success} or the error's code. */
    <T> T timed(String operation, Supplier<T> work) {
        long start = System.nanoTime();
        String outcome = "success";
        try {
            return work.get();
        } catch (StratumException e) {
            outcome = code(e);
            Counter.builder("stratum.errors")
                    .description("Typed errors of Stratum's calls, by code")
                    .tag("backend", backend)
                    .tag("code", outcome)
                    .register(registry)
                    .increment();
            if (e instanceof LeaseLost) {
                Counter.builder("stratum.queue.lease.lost")
                        .description("Completions, failures and heartbeats refused because the lease was lost")
                        .tag("backend", backend)
                        .tag("operation", operation)
                        .register(registry)
                        .increment();
            }
            throw e;
        } finally {
            Timer.builder("stratum.queue.operations")
                    .description("Time of the queue's calls")
                    .tag("backend", backend)
                    .tag("operation", operation)
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** Adds {@code amount} to the counter of leases reclaimed. */
    void reclaimed(int amount) {
        Counter.builder("stratum.queue.reclaimed")
                .description("Expired leases reclaimed by reclaimExpired()")
                .tag("backend", backend)
                .register(registry)
                .increment(amount);
    }

    private static String code(StratumException e) {
        return e.code().name().toLowerCase(Locale.ROOT);
    }
}
