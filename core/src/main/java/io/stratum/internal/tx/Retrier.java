package io.stratum.internal.tx;

import io.stratum.Busy;
import io.stratum.RetryListener;
import io.stratum.RetryPolicy;
import io.stratum.StratumException;
import io.stratum.Unavailable;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a unit of work again, with back-off, while it fails with a transient error, as a {@link RetryPolicy} says. */
final class Retrier {
    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final RetryPolicy policy;
    private final RetryListener listener;

    public Retrier(RetryPolicy policy, RetryListener listener) {
        this.policy = policy;
        this.listener = listener;
    }

    /** Runs {@code attempt} with 1, 2, ... until it returns, fails for good, or the attempts are used up. */
    public <T> T run(IntFunction<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.apply(n);
            } catch (StratumException failure) {
                if (!isTransient(failure) || n >= policy.maxAttempts()) {
                    throw failure;
                }
                Duration delay = backoff(n);
                LOG.debug(
                        "attempt {} of {} failed, retrying in {} ms: {}",
                        n,
                        policy.maxAttempts(),
                        delay.toMillis(),
                        failure.getMessage());
                listener.retrying(n, failure, delay);
                pause(delay, failure);
            }
        }
    }

    /**
     * Busy (lock contention, serialisation failure, deadlock: the database rolled the transaction back) and
     * Unavailable before COMMIT. Timeout is not retried: the pool or the statement already waited its configured time.
     */
    static boolean isTransient(StratumException failure) {
        return failure instanceof Busy || (failure instanceof Unavailable && failure.isRetryable());
    }

    /** A random wait in [cap / 2, cap], cap = min(maxBackoff, initialBackoff * 2^(failedAttempts - 1)). */
    Duration backoff(int failedAttempts) {
        long initial = policy.initialBackoff().toNanos();
        long max = policy.maxBackoff().toNanos();
        int doublings = Math.min(failedAttempts - 1, 62);
        long cap = initial > (max >> doublings) ? max : Math.min(max, initial << doublings);
        long half = cap / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(cap - half + 1));
    }

    private static void pause(Duration delay, StratumException failure) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
    }
}
