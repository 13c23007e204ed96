package io.stratum.micrometer;

import io.stratum.Json;
import io.stratum.queue.Claimed;
import io.stratum.queue.Completion;
import io.stratum.queue.Failure;
import io.stratum.queue.Lease;
import io.stratum.queue.QueueStats;
import io.stratum.queue.TaskQueue;
import io.stratum.task.Task;
import io.stratum.task.TaskId;
import java.time.Duration;
import java.util.List;

/** A {@link TaskQueue} that times claims, completions and failures and counts what they throw. */
final class MeteredTaskQueue implements TaskQueue {
    private final TaskQueue queue;
    private final Meters meters;

    MeteredTaskQueue(TaskQueue queue, Meters meters) {
        this.queue = queue;
        this.meters = meters;
    }

    @Override
    public List<Claimed> claim(String workerId, int max, Duration leaseDuration) {
        return meters.timed("claim", () -> queue.claim(workerId, max, leaseDuration));
    }

    @Override
    public List<Claimed> claim(String workerId, int max, Duration leaseDuration, Duration wait) {
        return meters.timed("claim", () -> queue.claim(workerId, max, leaseDuration, wait));
    }

    @Override
    public void complete(Lease lease, Json result) {
        meters.timed("complete", () -> {
            queue.complete(lease, result);
            return null;
        });
    }

    @Override
    public void fail(Lease lease, String error) {
        meters.timed("fail", () -> {
            queue.fail(lease, error);
            return null;
        });
    }

    @Override
    public void completeAll(List<Completion> completions) {
        meters.timed("complete", () -> {
            queue.completeAll(completions);
            return null;
        });
    }

    @Override
    public void failAll(List<Failure> failures) {
        meters.timed("fail", () -> {
            queue.failAll(failures);
            return null;
        });
    }

    @Override
    public Lease heartbeat(Lease lease, Duration leaseDuration) {
        return meters.timed("heartbeat", () -> queue.heartbeat(lease, leaseDuration));
    }

    @Override
    public int reclaimExpired() {
        int reclaimed = meters.timed("reclaim", queue::reclaimExpired);
        meters.reclaimed(reclaimed);
        return reclaimed;
    }

    @Override
    public List<TaskId> cancel(TaskId id) {
        return meters.timed("cancel", () -> queue.cancel(id));
    }

    @Override
    public QueueStats stats() {
        return queue.stats();
    }

    @Override
    public Task retry(TaskId id) {
        return meters.timed("retry", () -> queue.retry(id));
    }
}
