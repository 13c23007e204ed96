package io.stratum.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A snapshot of the queue, read by {@link TaskQueue#stats()} in one read-only transaction at {@link #at()} (the
 * store's clock). Every number comes from an index, so taking a snapshot costs about the same at a thousand tasks
 * as at a million, whatever most of them are:
 *
 * <ul>
 *   <li>exact counts of the tasks that can still run ({@link #active()}), in total and by agent type;
 *   <li>of the ready tasks, how many are claimable now ({@link #readyDue()}) and how many wait for their
 *       {@code run_after} ({@link #readyDelayed()}: delayed submissions and retries in back-off);
 *   <li>exact count of failed tasks ({@link #failed()}), which stay until someone retries or deletes them;
 *   <li>the finished tasks of the last {@link #window()} only ({@link #completedInWindow()},
 *       {@link #failedInWindow()}, {@link #cancelledInWindow()}): completed and cancelled tasks pile up until
 *       retention purges them, and counting them all would read most of the store. A task counts in the window
 *       when its {@code completed_at} (the time it finished) is at most {@link #window()} before {@link #at()}.
 *       A failure here is a task that became {@code failed}: its last attempt failed with no retries left, or a
 *       lease expired on its last attempt; an attempt that is retried is not a failure (it shows as a delayed
 *       ready task until its back-off ends).
 * </ul>
 *
 * @param at when the snapshot was taken, by the store's clock
 * @param active exact counts of pending, blocked, ready and running tasks
 * @param readyDue ready tasks whose {@code run_after} has passed: what a claim would take now
 * @param readyDelayed ready tasks whose {@code run_after} is still ahead
 * @param oldestReadyAge how long the claimable task claimable the longest has waited, from its {@code run_after}
 *     (its submission, promotion, retry or delay) to {@link #at()}; zero when no task is claimable
 * @param expiredLeases running tasks whose lease has expired: the next claim or {@link TaskQueue#reclaimExpired()}
 *     returns them to ready or failed
 * @param failed exact count of failed tasks
 * @param window the span the finished counts cover, {@link #WINDOW}
 * @param completedInWindow tasks completed within the window
 * @param failedInWindow tasks that became failed within the window
 * @param cancelledInWindow tasks cancelled within the window
 * @param byAgentType {@link #active()} per agent type, agent types in alphabetical order; types without active
 *     tasks are absent
 * @param runningByWorker the number of running tasks each worker holds a lease on (expired leases included),
 *     workers in alphabetical order; read through the running tasks' index, one row per running task
 */
public record QueueStats(
        Instant at,
        ActiveCounts active,
        long readyDue,
        long readyDelayed,
        Duration oldestReadyAge,
        long expiredLeases,
        long failed,
        Duration window,
        long completedInWindow,
        long failedInWindow,
        long cancelledInWindow,
        Map<String, ActiveCounts> byAgentType,
        Map<String, Long> runningByWorker) {

    /** The span the finished counts cover: the last minute. */
    public static final Duration WINDOW = Duration.ofMinutes(1);

    public QueueStats {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(oldestReadyAge, "oldestReadyAge");
        Objects.requireNonNull(window, "window");
        byAgentType = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(byAgentType)));
        runningByWorker = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(runningByWorker)));
    }

    /** The counts of {@code agentType}'s active tasks; {@link ActiveCounts#NONE} when it has none. */
    public ActiveCounts agentType(String agentType) {
        return byAgentType.getOrDefault(agentType, ActiveCounts.NONE);
    }
}
