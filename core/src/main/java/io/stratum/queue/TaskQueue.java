package io.stratum.queue;

import io.stratum.IllegalTransition;
import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.LeaseLost;
import io.stratum.NotFound;
import io.stratum.task.Task;
import io.stratum.task.TaskId;
import java.time.Duration;
import java.util.List;

/**
 * The work queue over the stored tasks: workers claim ready tasks under a lease, then complete or fail
 * them; completion promotes dependents, failure retries with back-off. Every method is one transaction and
 * behaves the same on every backend. Obtain it from {@code Stratum#queue()}.
 *
 * <pre>{@code
 * for (Claimed work : db.queue().claim("worker-1", 16, Duration.ofMinutes(5))) {
 *     try {
 *         db.queue().complete(work.lease(), run(work.task()));
 *     } catch (RuntimeException e) {
 *         db.queue().fail(work.lease(), e.toString());
 *     }
 * }
 * }</pre>
 *
 * <h2>Leases</h2>
 * A claim gives each task a lease ({@link Lease}) until {@code now + leaseDuration}. Only the current, unexpired
 * lease can complete, fail or extend ({@link #heartbeat}) the task; anything else gets {@link LeaseLost}.
 * Expired leases are reclaimed by {@link #reclaimExpired()}, which a {@link #claim} runs first in its own
 * transaction, at most once per {@link QueueSettings#reclaimInterval()} (1 s by default) per store: as long as
 * some worker claims, a worker that died loses no task. A reclaimed task counts as a failed attempt (retry with
 * back-off, or {@code failed} once its retries are used up).
 */
public interface TaskQueue {

    /** Largest number of tasks one {@link #claim} hands out. */
    int MAX_CLAIM = 1_000;

    /** Longest lease a {@link #claim} or {@link #heartbeat} grants: a year (P365D). */
    Duration MAX_LEASE = Duration.ofDays(365);

    /**
     * Reclaims expired leases, then atomically takes up to {@code max} {@code ready} tasks whose
     * {@code run_after} has passed, highest calculated priority first, then oldest submitted, and marks them
     * {@code running} under a fresh lease owned by {@code workerId}. No task is ever handed to two workers at
     * once, whatever the number of threads and processes. Returns an empty list when nothing is ready.
     *
     * @throws InvalidInput if {@code workerId} is blank, {@code max} is outside 1..{@value #MAX_CLAIM}, or
     *     {@code leaseDuration} is not positive or is longer than {@link #MAX_LEASE}
     */
    List<Claimed> claim(String workerId, int max, Duration leaseDuration);

    /**
     * {@link #claim(String, int, Duration)}, waiting up to {@code wait} for a task to become claimable when none is:
     * returns as soon as it claimed at least one task, or an empty list once {@code wait} has passed. A wait of zero
     * is the claim without waiting. It waits without busy polling: a transaction that makes tasks claimable (a
     * submit, the promotion of dependents, a retry, a reclaimed lease; not a cancel) wakes the waiting claims of
     * every store on the database when it commits, which then race to claim (each task still goes to one worker).
     * Tasks whose {@code run_after} passes, and claims of other processes where the database cannot notify, are
     * seen within {@link QueueSettings#pollInterval()}; see {@link QueueSettings} and {@link WakeUpMode}.
     *
     * <p>Closing the store ends every wait at once with an empty list. If the calling thread is interrupted before
     * or while it waits, the claim stops waiting and returns an empty list, leaving the thread's interrupt status
     * set (no task is claimed and then dropped). Inside a transaction ({@code Stratum#transaction}) it does not
     * wait, as the transaction would stay open meanwhile.
     *
     * @throws InvalidInput as {@link #claim(String, int, Duration)}, or if {@code wait} is null or negative
     */
    List<Claimed> claim(String workerId, int max, Duration leaseDuration, Duration wait);

    /**
     * Marks the task {@code completed} with {@code result} (may be null) and, in the same transaction, moves
     * every dependent whose dependencies are now all completed from {@code pending} to {@code ready}.
     *
     * @throws LeaseLost if {@code lease} is not the task's current, unexpired lease
     * @throws NotFound if the task no longer exists
     */
    void complete(Lease lease, Json result);

    /**
     * Records a failed attempt. With retries left ({@code retry_count < max_retries}) the task returns to
     * {@code ready} with {@code retry_count + 1} and {@code run_after} pushed back per
     * {@link QueueSettings#backoff(int)}; otherwise it becomes {@code failed} and its dependents are blocked
     * or cancelled per {@link QueueSettings#dependentsOnFailure()}.
     *
     * @throws LeaseLost if {@code lease} is not the task's current, unexpired lease
     * @throws InvalidInput if {@code error} is longer than {@value Failure#ERROR_MAX} characters
     */
    void fail(Lease lease, String error);

    /**
     * {@link #complete} for many leases in one transaction: all of them or, if any lease is lost, none
     * ({@link LeaseLost} names the first).
     */
    void completeAll(List<Completion> completions);

    /** {@link #fail} for many leases in one transaction: all of them or, if any lease is lost, none. */
    void failAll(List<Failure> failures);

    /**
     * Extends the lease to {@code now + leaseDuration} and returns it (same token).
     *
     * @throws LeaseLost if {@code lease} is not the task's current, unexpired lease
     * @throws InvalidInput if {@code leaseDuration} is not positive or is longer than {@link #MAX_LEASE}
     */
    Lease heartbeat(Lease lease, Duration leaseDuration);

    /**
     * Returns every running task whose lease has expired to {@code ready} (retry with back-off,
     * {@code retry_count + 1}), or to {@code failed} when it has no retries left. {@link #claim} does this
     * on its own; call it from a scheduled sweeper when tasks must be recovered while nobody claims.
     *
     * @return the number of tasks reclaimed
     */
    int reclaimExpired();

    /**
     * Cancels the task and every task that transitively depends on it, whatever their status except
     * {@code completed}; a running task's lease is revoked. Cancelling a cancelled task changes nothing.
     *
     * @return the tasks this call cancelled, the given one first, then its dependents level by level
     * @throws IllegalTransition if the task is completed
     * @throws NotFound if there is no such task
     */
    List<TaskId> cancel(TaskId id);

    /**
     * A snapshot of the queue: exact counts of the tasks that can still run, in total and by agent type; how many
     * ready tasks are claimable now and how many wait for their {@code run_after}; how long the oldest claimable
     * task has waited; running tasks whose lease has expired; failed tasks; and the tasks completed, failed and
     * cancelled within the last {@link QueueStats#WINDOW}. One read-only transaction of a few statements, each
     * served by an index, none reading the table: cheap enough to call every second. See {@link QueueStats}.
     */
    QueueStats stats();

    /**
     * Re-queues a {@code failed} task: {@code ready} now, with {@code retry_count} reset to 0. Dependents
     * that were blocked by it return to {@code pending} unless another failed task still blocks them.
     *
     * @return the task as stored now
     * @throws IllegalTransition if the task is not failed
     * @throws NotFound if there is no such task
     */
    Task retry(TaskId id);
}
