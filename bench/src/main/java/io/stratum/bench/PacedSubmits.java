package io.stratum.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import org.HdrHistogram.Histogram;

/**
 * One round of the wake-up workload: submits task 0, 1, ... one every {@link #EVERY} on the calling thread, and
 * records for each the time from the start of its submit to the moment a worker reports it {@link #picked}.
 */
final class PacedSubmits {
    /** The pause between two submits. */
    static final Duration EVERY = Duration.ofMillis(20);

    private final long[] submittedAt;
    private final Histogram latencies = Latencies.histogram();
    private final CountDownLatch allPicked;

    PacedSubmits(int tasks) {
        this.submittedAt = new long[tasks];
        this.allPicked = new CountDownLatch(tasks);
    }

    /** Submits every task with {@code submit}, paced, then waits up to {@code timeout} until all were picked. */
    RoundResult run(IntConsumer submit, Duration timeout) throws InterruptedException, TimeoutException {
        long started = System.nanoTime();
        for (int i = 0; i < submittedAt.length; i++) {
            long due = started + i * EVERY.toNanos();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            synchronized (this) {
                submittedAt[i] = System.nanoTime();
            }
            submit.accept(i);
        }
        if (!allPicked.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException(
                    (submittedAt.length - allPicked.getCount()) + " of " + submittedAt.length + " tasks picked up");
        }
        synchronized (this) {
            return new RoundResult(submittedAt.length, System.nanoTime() - started, latencies);
        }
    }

    /** Called by the worker that now holds task {@code index}. */
    synchronized void picked(int index) {
        Latencies.record(latencies, submittedAt[index]);
        allPicked.countDown();
    }
}
