package io.stratum;

import java.time.Duration;

/**
 * How Stratum repeats a unit of work (one repository call, or one {@link Stratum#transaction} block) that failed
 * with a transient error: {@link Busy} (SQLite busy or locked, PostgreSQL serialisation failure or deadlock), or
 * {@link Unavailable} when the connection broke before COMMIT ({@link Unavailable#isRetryable()}). Other errors,
 * {@link Timeout} included (the pool or the statement already waited its configured time), are thrown at once.
 *
 * <p>After attempt {@code n} fails, the next one starts after a random wait between half and all of
 * {@code min(maxBackoff, initialBackoff * 2^(n-1))} (exponential back-off with "equal jitter", so that writers
 * that collided spread out). After {@code maxAttempts} attempts the last failure is thrown.
 *
 * @param maxAttempts attempts in total, 1..100 (1: never retry)
 * @param initialBackoff the longest wait before the second attempt, 0..maxBackoff
 * @param maxBackoff the longest single wait, at most one minute
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new InvalidInput("retry.maxAttempts", maxAttempts + " is outside 1..100");
        }
        if (initialBackoff == null || initialBackoff.isNegative()) {
            throw new InvalidInput("retry.initialBackoff", initialBackoff + " must be zero or positive");
        }
        if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0 || maxBackoff.compareTo(LONGEST_WAIT) > 0) {
            throw new InvalidInput(
                    "retry.maxBackoff",
                    maxBackoff + " is outside initialBackoff (" + initialBackoff + ").." + LONGEST_WAIT);
        }
    }

    /** 8 attempts; the waits between them grow from at most 10 ms to at most 640 ms, 0.6 to 1.3 s in all. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(8, Duration.ofMillis(10), Duration.ofSeconds(1));
    }

    /** A single attempt: every failure reaches the caller. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    public RetryPolicy withMaxAttempts(int value) {
        return new RetryPolicy(value, initialBackoff, maxBackoff);
    }

    public RetryPolicy withBackoff(Duration initial, Duration max) {
        return new RetryPolicy(maxAttempts, initial, max);
    }
}
