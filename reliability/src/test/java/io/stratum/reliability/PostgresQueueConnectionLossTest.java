package io.stratum.reliability;

import static io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES;
import static io.stratum.codegen.jooq.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.LeaseLost;
import io.stratum.Stratum;
import io.stratum.Unavailable;
import io.stratum.queue.QueueSettings;
import io.stratum.task.NewTask;
import io.stratum.task.TaskStatus;
import io.stratum.testkit.tck.ScratchDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Queue workers claiming and completing while an admin connection terminates the pool's backends again and
 * again: workers see at most {@link Unavailable} (and {@link LeaseLost} for a task whose lease ran out meanwhile),
 * the pool recovers by itself, and every task is completed exactly once.
 */
class PostgresQueueConnectionLossTest {
    private static final int FIRST_BATCH = 200;
    private static final int BATCH_PER_CUT = 100;
    private static final int WORKERS = 3;
    private static final int CUTS = 8;
    private static final int TASKS_TOTAL = FIRST_BATCH + CUTS * BATCH_PER_CUT;

    @Test
    void terminatedBackendsDuringClaimAndCompleteLoseNoTask() throws Exception {
        try (ScratchDatabases server = ScratchDatabases.of("postgresql")) {
            String url = server.freshUrl();
            long started = System.nanoTime();
            try (Stratum db = Stratum.builder()
                            .url(url)
                            .queue(QueueSettings.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)))
                            .open();
                    Terminator terminator = new Terminator(url)) {
                db.migrate();
                AtomicInteger unavailable = new AtomicInteger();
                AtomicInteger leasesLost = new AtomicInteger();
                submitBatch(db, 0, FIRST_BATCH, unavailable);
                AtomicBoolean producing = new AtomicBoolean(true);
                List<Throwable> failures = new CopyOnWriteArrayList<>();
                List<Thread> workers = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    String name = "worker-" + w;
                    workers.add(Thread.ofPlatform().start(() -> {
                        try {
                            QueueDrain.drain(db, name, producing::get, unavailable, leasesLost);
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }));
                }
                // New work arrives before every cut, so no cut falls on an idle pool however fast the machine.
                int terminated = 0;
                for (int cut = 0; cut < CUTS; cut++) {
                    submitBatch(db, FIRST_BATCH + cut * BATCH_PER_CUT, BATCH_PER_CUT, unavailable);
                    Thread.sleep(150);
                    terminated += terminator.cutOthers();
                }
                producing.set(false);
                for (Thread worker : workers) {
                    worker.join(TimeUnit.MINUTES.toMillis(2));
                }
                assertThat(failures)
                        .as("errors other than Unavailable and LeaseLost")
                        .isEmpty();
                assertThat(db.dsl().fetchCount(TASKS))
                        .as("tasks submitted, each once")
                        .isEqualTo(TASKS_TOTAL);
                assertThat(db.dsl().fetchCount(TASKS, TASKS.STATUS.eq(TaskStatus.COMPLETED.dbValue())))
                        .isEqualTo(TASKS_TOTAL);
                assertThat(db.dsl().fetchCount(MEMORY_ENTRIES, MEMORY_ENTRIES.NAMESPACE.eq(CrashWorkerMain.EFFECTS)))
                        .as("effects, one per task")
                        .isEqualTo(TASKS_TOTAL);
                Figures.record(
                        "postgres-queue-connection-loss",
                        CUTS + " cuts terminating " + terminated
                                + " backends while " + WORKERS + " workers claimed and completed " + TASKS_TOTAL
                                + " tasks; "
                                + unavailable.get() + " Unavailable and " + leasesLost.get()
                                + " LeaseLost seen by workers; "
                                + "every task completed exactly once, "
                                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                                + " ms");
            }
        }
    }

    /** Submits tasks {@code from..from+count-1} in one batch, retried after Unavailable: keys make a retry safe. */
    private static void submitBatch(Stratum db, int from, int count, AtomicInteger unavailable) {
        List<NewTask> batch = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            batch.add(NewTask.builder("task " + i, "worker")
                    .idempotencyKey("task-" + i)
                    .maxRetries(1_000)
                    .build());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                db.tasks().submitAll(batch);
                return;
            } catch (Unavailable e) {
                unavailable.incrementAndGet();
                assertThat(attempt).as("attempts").isLessThan(20);
            }
        }
    }
}
