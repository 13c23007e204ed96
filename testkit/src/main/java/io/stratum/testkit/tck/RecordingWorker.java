package io.stratum.testkit.tck;

import io.stratum.StratumException;
import io.stratum.queue.Claimed;
import io.stratum.queue.Completion;
import io.stratum.queue.TaskQueue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A worker of the concurrency suites: claims a few tasks, completes them (one by one or in one batch) and
 * writes both into the {@link Ledger}, until nothing is claimable and {@code finished} says all is done.
 * Retryable errors are retried, as a production worker would, and counted.
 */
final class RecordingWorker implements Callable<Void> {
    private static final Duration LEASE = Duration.ofMinutes(10);
    /** Claims are write transactions: idle workers poll gently so as not to crowd out the busy ones. */
    private static final long IDLE_MILLIS = 5;

    private final TaskQueue queue;
    private final String name;
    private final int batch;
    private final boolean oneByOne;
    private final Ledger ledger;
    private final BooleanSupplier finished;

    RecordingWorker(
            TaskQueue queue, String name, int batch, boolean oneByOne, Ledger ledger, BooleanSupplier finished) {
        this.queue = queue;
        this.name = name;
        this.batch = batch;
        this.oneByOne = oneByOne;
        this.ledger = ledger;
        this.finished = finished;
    }

    @Override
    public Void call() throws InterruptedException {
        while (true) {
            List<Claimed> claimed = retrying(() -> queue.claim(name, batch, LEASE));
            if (claimed.isEmpty()) {
                if (finished.getAsBoolean()) {
                    return null;
                }
                Thread.sleep(IDLE_MILLIS);
                continue;
            }
            ledger.claimed(claimed);
            if (oneByOne) {
                for (Claimed c : claimed) {
                    ledger.completing(c);
                    retrying(() -> {
                        queue.complete(c.lease(), null);
                        return null;
                    });
                }
            } else {
                claimed.forEach(ledger::completing);
                List<Completion> completions = claimed.stream()
                        .map(c -> new Completion(c.lease(), null))
                        .toList();
                retrying(() -> {
                    queue.completeAll(completions);
                    return null;
                });
            }
            ledger.completed(claimed.size());
        }
    }

    private <T> T retrying(Supplier<T> work) {
        while (true) {
            try {
                return work.get();
            } catch (StratumException e) {
                if (!e.isRetryable()) {
                    throw e;
                }
                ledger.retried();
            }
        }
    }
}
