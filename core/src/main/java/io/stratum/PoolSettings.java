package io.stratum;

import java.time.Duration;

/**
 * Connection pool settings. The defaults: at most 10 connections, 5 kept
 * idle, idle ones closed after 30 s, every connection replaced after 30 min, and 10 s to wait for one.
 * An in-memory SQLite database always uses a single connection, whatever is set here.
 *
 * @param maxSize largest number of open connections (1..1000)
 * @param minIdle connections kept open when idle (0..maxSize)
 * @param idleTimeout how long an idle connection above {@code minIdle} is kept (0 = forever, else >= 10 s)
 * @param maxLifetime when a connection is retired (0 = never, else >= 30 s)
 * @param acquireTimeout how long a caller waits for a connection before {@link Timeout} (>= 250 ms)
 */
public record PoolSettings(
        int maxSize, int minIdle, Duration idleTimeout, Duration maxLifetime, Duration acquireTimeout) {

    public PoolSettings {
        if (maxSize < 1 || maxSize > 1000) {
            throw new InvalidInput("pool.maxSize", maxSize + " is outside 1..1000");
        }
        if (minIdle < 0 || minIdle > maxSize) {
            throw new InvalidInput("pool.minIdle", minIdle + " is outside 0..maxSize (" + maxSize + ")");
        }
        requireAtLeast("pool.idleTimeout", idleTimeout, Duration.ofSeconds(10), true);
        requireAtLeast("pool.maxLifetime", maxLifetime, Duration.ofSeconds(30), true);
        requireAtLeast("pool.acquireTimeout", acquireTimeout, Duration.ofMillis(250), false);
    }

    /** The default pool: max 10, min idle 5, idle 30 s, lifetime 30 min, acquire 10 s. */
    public static PoolSettings defaults() {
        return new PoolSettings(10, 5, Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofSeconds(10));
    }

    public PoolSettings withMaxSize(int value) {
        return new PoolSettings(value, Math.min(minIdle, value), idleTimeout, maxLifetime, acquireTimeout);
    }

    public PoolSettings withMinIdle(int value) {
        return new PoolSettings(maxSize, value, idleTimeout, maxLifetime, acquireTimeout);
    }

    public PoolSettings withIdleTimeout(Duration value) {
        return new PoolSettings(maxSize, minIdle, value, maxLifetime, acquireTimeout);
    }

    public PoolSettings withMaxLifetime(Duration value) {
        return new PoolSettings(maxSize, minIdle, idleTimeout, value, acquireTimeout);
    }

    public PoolSettings withAcquireTimeout(Duration value) {
        return new PoolSettings(maxSize, minIdle, idleTimeout, maxLifetime, value);
    }

    private static void requireAtLeast(String field, Duration value, Duration min, boolean zeroAllowed) {
        if (value == null) {
            throw new InvalidInput(field, "is required");
        }
        if (zeroAllowed && value.isZero()) {
            return;
        }
        if (value.compareTo(min) < 0) {
            throw new InvalidInput(
                    field, value + " is shorter than " + min + (zeroAllowed ? " (or 0 to disable)" : ""));
        }
    }
}
