package io.stratum.micrometer;

import io.stratum.StratumException;
import io.stratum.queue.QueueStats;
import io.stratum.queue.TaskQueue;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue's stats, read at most once per interval however many gauges ask: every gauge of a scrape reads the same
 * snapshot. A failed read keeps the last snapshot and is logged.
 */
final class StatsSampler {
    private static final Logger LOG = LoggerFactory.getLogger(StatsSampler.class);

    private final TaskQueue queue;
    private final long intervalNanos;
    private QueueStats last;
    private long readAt;

    StatsSampler(TaskQueue queue, Duration interval) {
        this.queue = queue;
        this.intervalNanos = interval.toNanos();
    }

    /** The latest snapshot, read now if the last one is older than the interval; null if none could be read. */
    synchronized QueueStats current() {
        long now = System.nanoTime();
        if (last == null || now - readAt >= intervalNanos) {
            try {
                last = queue.stats();
                readAt = now;
            } catch (StratumException e) {
                LOG.warn("cannot read the queue's stats for the gauges: {}", e.getMessage());
            }
        }
        return last;
    }
}
