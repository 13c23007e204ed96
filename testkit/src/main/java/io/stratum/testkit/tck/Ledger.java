package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.queue.Claimed;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the workers of one process did, in the order it happened: a global sequence number is taken when a
 * task is claimed and just before its completion is committed, so that a task claimed before one of its
 * dependencies committed shows up as a smaller number.
 */
final class Ledger {
    private final AtomicLong sequence = new AtomicLong();
    private final Map<TaskId, Integer> claims = new ConcurrentHashMap<>();
    private final Map<TaskId, Long> claimedAt = new ConcurrentHashMap<>();
    private final Map<TaskId, Long> completingAt = new ConcurrentHashMap<>();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();

    void claimed(List<Claimed> claimed) {
        for (Claimed c : claimed) {
            claims.merge(c.task().id(), 1, Integer::sum);
            claimedAt.put(c.task().id(), sequence.incrementAndGet());
        }
    }

    void completing(Claimed c) {
        completingAt.put(c.task().id(), sequence.incrementAndGet());
    }

    void completed(int count) {
        completed.addAndGet(count);
    }

    void retried() {
        retries.incrementAndGet();
    }

    int completed() {
        return completed.get();
    }

    /** Retryable errors (Busy) the workers met and retried. */
    int retries() {
        return retries.get();
    }

    /** Every task claimed, the count of claims per task. */
    Map<TaskId, Integer> claims() {
        return claims;
    }

    /** Every task claimed exactly once, and after the completion of each of its dependencies. */
    void verify(List<NewTask> tasks) {
        assertThat(claims).hasSize(tasks.size());
        assertThat(claims.entrySet())
                .allSatisfy(e ->
                        assertThat(e.getValue()).as("claims of %s", e.getKey()).isOne());
        for (NewTask task : tasks) {
            for (TaskId dep : task.dependsOn()) {
                assertThat(claimedAt.get(task.id()))
                        .as("%s claimed after %s completed", task.id(), dep)
                        .isGreaterThan(completingAt.get(dep));
            }
        }
    }
}
