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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Queue workers claiming and completing while an admin connection terminates the pool's backends again and
 * again: workers see at most {@link Unavailable} (and {@link LeaseLost} for a task whose lease ran out meanwhile),
 * the pool recovers by itself, and every task is completed exactly once.
 */
class PostgresQueueConnectionLossTest {
    private static final int TASKS_TOTAL = 600;
    private static final int WORKERS = 3;
    private static final int CUTS = 8;

    @Test
    void terminatedBackendsDuringClaimAndCompleteLoseNoTask() throws Exception {
        try (PostgresServer server = new PostgresServer()) {
            String url = server.freshUrl();
            long started = System.nanoTime();
            try (Stratum db = Stratum.builder().url(url)
                    .queue(QueueSettings.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50))).open();
                 Terminator terminator = new Terminator(url)) {
                db.migrate();
                List<NewTask> batch = new ArrayList<>();
                for (int i = 0; i < TASKS_TOTAL; i++) {
                    batch.add(NewTask.builder("task " + i, "worker").maxRetries(1_000).build());
                }
                db.tasks().submitAll(batch);
                AtomicInteger unavailable = new AtomicInteger();
                AtomicInteger leasesLost = new AtomicInteger();
                List<Throwable> failures = new CopyOnWriteArrayList<>();
                List<Thread> workers = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    String name = "worker-" + w;
                    workers.add(Thread.ofPlatform().start(() -> {
                        try {
                            QueueDrain.drain(db, name, unavailable, leasesLost);
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }));
                }
                int terminated = 0;
                for (int cut = 0; cut < CUTS; cut++) {
                    Thread.sleep(250);
                    terminated += terminator.terminateOthers();
                }
                for (Thread worker : workers) {
                    worker.join(TimeUnit.MINUTES.toMillis(2));
                }
                assertThat(failures).as("errors other than Unavailable and LeaseLost").isEmpty();
                assertThat(db.dsl().fetchCount(TASKS, TASKS.STATUS.eq(TaskStatus.COMPLETED.dbValue())))
                        .isEqualTo(TASKS_TOTAL);
                assertThat(db.dsl().fetchCount(MEMORY_ENTRIES, MEMORY_ENTRIES.NAMESPACE.eq(CrashWorkerMain.EFFECTS)))
                        .as("effects, one per task").isEqualTo(TASKS_TOTAL);
                Figures.record("postgres-queue-connection-loss", CUTS + " cuts terminating " + terminated
                        + " backends while " + WORKERS + " workers claimed and completed " + TASKS_TOTAL + " tasks; "
                        + unavailable.get() + " Unavailable and " + leasesLost.get() + " LeaseLost seen by workers; "
                        + "every task completed exactly once, " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                        + " ms");
            }
        }
    }
}
