package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.task.NewTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly once under concurrency, in one process: {@value #THREADS} threads claim and complete
 * {@value #TASKS} tasks with dependencies through one store.
 */
public abstract class ConcurrencyContract extends ContractSupport {
    static final int TASKS = 20_000;
    static final int THREADS = 8;
    /** Not a performance bound: only how long a stuck run may hang before it fails. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrencyContract.class);

    @Test
    void eightThreadsCompleteEveryTaskExactlyOnceInDependencyOrder() throws Exception {
        List<NewTask> tasks = Workload.dag(TASKS, 20_000L);
        Workload.submit(db, tasks);
        Ledger ledger = new Ledger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(new RecordingWorker(
                        db.queue(), "thread-" + t, 20, t % 4 == 0, ledger, () -> ledger.completed() >= TASKS)));
            }
            for (Future<Void> worker : workers) {
                worker.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        LOG.info(
                "{}: {} tasks, {} threads, 1 process: {} ms, {} retried errors",
                db.backendName(),
                TASKS,
                THREADS,
                (System.nanoTime() - started) / 1_000_000,
                ledger.retries());
        ledger.verify(tasks);
        assertThat(ledger.completed()).isEqualTo(TASKS);
        Workload.verifyStored(db, tasks);
    }
}
