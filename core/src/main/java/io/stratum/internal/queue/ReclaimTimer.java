package io.stratum.internal.queue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When claims next reclaim expired leases: one per store, shared by the store's queue and the queue of every
 * transaction it runs, so that the reclaim interval holds across all of them. Thread-safe.
 */
public final class ReclaimTimer {
    private final long intervalMicros;
    private final AtomicLong nextMicros = new AtomicLong(Long.MIN_VALUE);

    public ReclaimTimer(Duration interval) {
        this.intervalMicros = interval.toNanos() / 1_000;
    }

    /** True for one caller per interval (by the time {@code now} the callers pass). */
    boolean due(OffsetDateTime now) {
        long at = now.toEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        long next = nextMicros.get();
        return at >= next && nextMicros.compareAndSet(next, at + intervalMicros);
    }
}
