package io.stratum.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the executions of a peer system's no-op task and times them from the first execution to the last,
 * so that the system's start-up and its first polling delay are not charged to its throughput.
 */
final class ExecutionCounter {
    private final long expected;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicLong executed = new AtomicLong();
    private final AtomicLong first = new AtomicLong();
    private volatile long last;

    ExecutionCounter(long expected) {
        this.expected = expected;
    }

    /** Called by the no-op task. */
    void executed() {
        long now = System.nanoTime();
        first.compareAndSet(0, now);
        if (executed.incrementAndGet() == expected) {
            last = now;
            done.countDown();
        }
    }

    RoundResult await(Duration timeout) throws InterruptedException, TimeoutException {
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException(executed.get() + " of " + expected + " tasks executed within " + timeout);
        }
        return new RoundResult(expected, Math.max(1, last - first.get()), Latencies.histogram());
    }
}
