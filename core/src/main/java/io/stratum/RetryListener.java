package io.stratum;

import java.time.Duration;

/**
 * Told about every retry Stratum makes under its {@link RetryPolicy}, for metrics or logging. Runs on the thread
 * of the failed unit of work, outside any transaction; an exception it throws ends the unit of work with that
 * exception.
 */
@FunctionalInterface
public interface RetryListener {

    /** A listener that does nothing. */
    RetryListener NONE = (attempt, failure, delay) -> {};

    /**
     * Attempt {@code attempt} (1 for the first) failed with {@code failure}; the next one starts after {@code delay}.
     */
    void retrying(int attempt, StratumException failure, Duration delay);
}
