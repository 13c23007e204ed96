package io.stratum.cli.demo;

import io.stratum.queue.Claimed;
import io.stratum.queue.Completion;
import io.stratum.queue.Failure;
import io.stratum.queue.TaskQueue;
import io.stratum.task.TaskId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Workers on virtual threads that drain the queue: each claims a batch, works on it for a moment, then finishes
 * the whole batch with one {@link TaskQueue#completeAll} and one {@link TaskQueue#failAll}. A flaky task fails
 * its first attempt; its retry succeeds. The swarm stops when {@code expected} tasks have completed, or when no
 * task has completed for {@link #STALL} (reported, not hidden).
 */
public final class Swarm {
    /** How long the swarm waits without any completion before it gives up. */
    static final Duration STALL = Duration.ofSeconds(60);

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration IDLE = Duration.ofMillis(5);

    private final TaskQueue queue;
    private final Set<TaskId> flaky;
    private final long expected;
    private final int batch;
    private final Duration work;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<TaskId, Integer> completions = new ConcurrentHashMap<>();

    /**
     * @param expected completions after which the workers stop
     * @param batch tasks per claim
     * @param work longest simulated work per task (each takes a random part of it)
     */
    public Swarm(TaskQueue queue, Set<TaskId> flaky, long expected, int batch, Duration work) {
        this.queue = queue;
        this.flaky = flaky;
        this.expected = expected;
        this.batch = batch;
        this.work = work;
    }

    /**
     * What the workers saw.
     *
     * @param completions how often each task was completed by a worker
     * @param claimNanos duration of every claim that returned tasks, sorted
     */
    public record Outcome(
            long completed, long failedAttempts, Map<TaskId, Integer> completions, long[] claimNanos, boolean stalled) {

        /** Claims that returned tasks. */
        public int claims() {
            return claimNanos.length;
        }

        /** The {@code percentile} (0..100) of claim latency, in milliseconds. */
        public double claimMillis(double percentile) {
            return Latencies.percentile(claimNanos, percentile) / 1e6;
        }
    }

    /** Runs {@code workers} workers until the work is done (or stalls); rethrows the first worker's failure. */
    public Outcome run(int workers) throws InterruptedException {
        List<Latencies> latencies = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 1; w <= workers; w++) {
                Latencies mine = new Latencies();
                latencies.add(mine);
                String id = "demo-worker-" + w;
                running.add(executor.submit(() -> work(id, mine)));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    stop.set(true);
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }
        boolean stalled = completed.get() < expected;
        return new Outcome(
                completed.get(), failed.get(), Map.copyOf(completions), Latencies.merged(latencies), stalled);
    }

    /** Tasks completed so far. */
    public long completed() {
        return completed.get();
    }

    private Void work(String worker, Latencies claimLatency) throws InterruptedException {
        while (!stop.get() && completed.get() < expected) {
            long start = System.nanoTime();
            List<Claimed> claimed = queue.claim(worker, batch, LEASE);
            if (claimed.isEmpty()) {
                if (System.nanoTime() - lastProgress.get() > STALL.toNanos()) {
                    stop.set(true);
                }
                Thread.sleep(IDLE);
                continue;
            }
            claimLatency.add(System.nanoTime() - start);
            finish(claimed);
        }
        return null;
    }

    private void finish(List<Claimed> claimed) throws InterruptedException {
        List<Completion> done = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        long workNanos = 0; // the worker's agents run its batch side by side: the slowest task sets the pace
        for (Claimed c : claimed) {
            workNanos = Math.max(workNanos, ThreadLocalRandom.current().nextLong(work.toNanos() + 1));
            if (c.task().retryCount() == 0 && flaky.contains(c.task().id())) {
                failures.add(new Failure(c.lease(), "simulated failure: the agent's tool call timed out"));
            } else {
                done.add(new Completion(c.lease(), null));
            }
        }
        Thread.sleep(Duration.ofNanos(workNanos));
        if (!failures.isEmpty()) {
            queue.failAll(failures);
            failed.addAndGet(failures.size());
        }
        if (!done.isEmpty()) {
            queue.completeAll(done);
            done.forEach(c -> completions.merge(c.lease().taskId(), 1, Integer::sum));
            completed.addAndGet(done.size());
            lastProgress.set(System.nanoTime());
        }
    }
}
