package io.stratum.queue;

import io.stratum.InvalidInput;
import java.time.Duration;

/**
 * How the queue retries and what failure does to dependents; set with
 * {@code Stratum.builder().queue(QueueSettings)}.
 *
 * <p>A failed attempt (a {@link TaskQueue#fail} or an expired lease) with retries left returns the task to
 * {@code ready} with {@code retry_count + 1} and {@code run_after = now + backoff(retry_count)}:
 *
 * <pre>
 * backoff(n) = min(backoffCap, backoffBase * 2^(n - 1))      n = retry_count after the increment (1, 2, ...)
 * </pre>
 *
 * With the defaults (5 s, cap 10 min) the waits are 5 s, 10 s, 20 s, 40 s, ... 10 min.
 *
 * <p>{@link TaskQueue#claim} reclaims expired leases before it claims, at most once per {@code reclaimInterval}
 * per store (default 1 s; {@link Duration#ZERO}: on every claim), so that a busy queue does not pay a look-up
 * for expired leases on every claim. A task whose worker died is thus back within its lease plus the interval.
 *
 * <p>A claim that waits ({@link TaskQueue#claim(String, int, Duration, Duration)}) is woken as soon as a transaction
 * that made tasks claimable commits, per {@code wakeUpMode} (default {@link WakeUpMode#NOTIFY}), and looks again at
 * least every {@code pollInterval} (default 250 ms): that is how it sees tasks whose {@code run_after} passed, leases
 * that expired, and, without notifications, tasks submitted by other processes.
 *
 * @param backoffBase wait before the first retry (at least 1 ms)
 * @param backoffCap longest wait between retries (at least {@code backoffBase})
 * @param dependentsOnFailure what happens to dependents of a task that failed for good
 * @param reclaimInterval least time between two reclaims run by claims of this store (zero or more)
 * @param wakeUpMode how waiting claims learn of claimable tasks
 * @param pollInterval longest time a waiting claim goes without looking (at least 1 ms)
 */
public record QueueSettings(
        Duration backoffBase,
        Duration backoffCap,
        DependentsOnFailure dependentsOnFailure,
        Duration reclaimInterval,
        WakeUpMode wakeUpMode,
        Duration pollInterval) {
    private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);

    public QueueSettings {
        if (backoffBase == null || backoffBase.toMillis() < 1) {
            throw new InvalidInput("queue.backoffBase", backoffBase + " must be at least 1 ms");
        }
        if (backoffCap == null || backoffCap.compareTo(backoffBase) < 0) {
            throw new InvalidInput(
                    "queue.backoffCap", backoffCap + " must be at least backoffBase (" + backoffBase + ")");
        }
        if (dependentsOnFailure == null) {
            throw new InvalidInput("queue.dependentsOnFailure", "is required");
        }
        if (reclaimInterval == null || reclaimInterval.isNegative()) {
            throw new InvalidInput("queue.reclaimInterval", reclaimInterval + " must be zero or more");
        }
        if (wakeUpMode == null) {
            throw new InvalidInput("queue.wakeUpMode", "is required");
        }
        if (pollInterval == null || pollInterval.toMillis() < 1) {
            throw new InvalidInput("queue.pollInterval", pollInterval + " must be at least 1 ms");
        }
    }

    /** The settings with the default wake-ups ({@link WakeUpMode#NOTIFY}, poll every 250 ms). */
    public QueueSettings(
            Duration backoffBase,
            Duration backoffCap,
            DependentsOnFailure dependentsOnFailure,
            Duration reclaimInterval) {
        this(backoffBase, backoffCap, dependentsOnFailure, reclaimInterval, WakeUpMode.NOTIFY, DEFAULT_POLL_INTERVAL);
    }

    /**
     * Back-off 5 s doubling up to 10 min; dependents of a failed task are blocked; claims reclaim once a second;
     * waiting claims are notified and look at least every 250 ms.
     */
    public static QueueSettings defaults() {
        return new QueueSettings(
                Duration.ofSeconds(5), Duration.ofMinutes(10), DependentsOnFailure.BLOCK, Duration.ofSeconds(1));
    }

    public QueueSettings withBackoff(Duration base, Duration cap) {
        return new QueueSettings(base, cap, dependentsOnFailure, reclaimInterval, wakeUpMode, pollInterval);
    }

    public QueueSettings withDependentsOnFailure(DependentsOnFailure value) {
        return new QueueSettings(backoffBase, backoffCap, value, reclaimInterval, wakeUpMode, pollInterval);
    }

    public QueueSettings withReclaimInterval(Duration value) {
        return new QueueSettings(backoffBase, backoffCap, dependentsOnFailure, value, wakeUpMode, pollInterval);
    }

    /** These settings with waiting claims woken per {@code mode} and looking at least every {@code poll}. */
    public QueueSettings withWakeUps(WakeUpMode mode, Duration poll) {
        return new QueueSettings(backoffBase, backoffCap, dependentsOnFailure, reclaimInterval, mode, poll);
    }

    /** The wait before retry number {@code retry} (1 for the first), per the formula above. */
    public Duration backoff(int retry) {
        if (retry < 1) {
            throw new InvalidInput("retry", retry + " must be at least 1");
        }
        int doublings = Math.min(retry - 1, 62);
        long base = backoffBase.toMillis();
        long capped = doublings >= Long.numberOfLeadingZeros(base) - 1 ? Long.MAX_VALUE : base << doublings;
        return Duration.ofMillis(Math.min(capped, backoffCap.toMillis()));
    }
}
