package io.stratum.reliability;

import static io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES;
import static io.stratum.codegen.jooq.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Stratum;
import io.stratum.queue.QueueSettings;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskStatus;
import io.stratum.testkit.tck.ScratchDatabases;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The local PostgreSQL cluster is stopped and started while workers claim and complete: the same Stratum
 * instance resumes by itself, callers meet only typed retryable errors, and every task completes exactly once.
 *
 * <p>Restarting a shared server breaks whatever else uses it, so the test runs only when allowed with
 * {@code STRATUM_TEST_PG_RESTART=true}; {@code .ci/run} allows it in a step of its own after the main suite.
 */
class ServerRestartTest {
    private static final int TASKS_TOTAL = 400;
    private static final int WORKERS = 3;

    @Test
    void storeResumesAfterTheServerRestartsWithoutLosingOrRepeatingTasks() throws Exception {
        Assumptions.assumeTrue(
                Boolean.parseBoolean(System.getenv("STRATUM_TEST_PG_RESTART")),
                "restarting the shared PostgreSQL server needs STRATUM_TEST_PG_RESTART=true");
        String cluster = localClusterVersion();
        try (ScratchDatabases server = ScratchDatabases.of("postgresql")) {
            String url = server.freshUrl();
            long started = System.nanoTime();
            try (Stratum db = Stratum.builder()
                    .url(url)
                    .queue(QueueSettings.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)))
                    .open()) {
                db.migrate();
                List<NewTask> batch = new ArrayList<>();
                for (int i = 0; i < TASKS_TOTAL; i++) {
                    batch.add(NewTask.builder("task " + i, "worker")
                            .maxRetries(1_000)
                            .build());
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
                            QueueDrain.drain(db, name, () -> false, unavailable, leasesLost);
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }));
                }
                TaskFilters completed =
                        TaskFilters.builder().status(TaskStatus.COMPLETED).build();
                long completedBefore;
                while ((completedBefore = db.tasks().count(completed)) < TASKS_TOTAL / 5) {
                    Thread.sleep(10);
                }
                pgctl(cluster, "restart");
                for (Thread worker : workers) {
                    worker.join(TimeUnit.MINUTES.toMillis(3));
                }
                assertThat(failures)
                        .as("errors other than Unavailable and LeaseLost")
                        .isEmpty();
                assertThat(completedBefore).as("the restart happened mid-load").isLessThan(TASKS_TOTAL);
                assertThat(db.dsl().fetchCount(TASKS, TASKS.STATUS.eq(TaskStatus.COMPLETED.dbValue())))
                        .isEqualTo(TASKS_TOTAL);
                assertThat(db.dsl().fetchCount(MEMORY_ENTRIES, MEMORY_ENTRIES.NAMESPACE.eq(CrashWorkerMain.EFFECTS)))
                        .as("effects, one per task")
                        .isEqualTo(TASKS_TOTAL);
                Figures.record(
                        "postgres-server-restart",
                        "cluster " + cluster + " restarted after "
                                + completedBefore + " of " + TASKS_TOTAL + " tasks; " + WORKERS + " workers saw "
                                + unavailable.get() + " Unavailable and " + leasesLost.get()
                                + " LeaseLost and finished every"
                                + " task exactly once on the same Stratum instance, "
                                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
            }
        }
    }

    /** The newest cluster version under /etc/postgresql, where Debian's pg_ctlcluster keeps its clusters. */
    private static String localClusterVersion() {
        String[] versions = new File("/etc/postgresql").list();
        Assumptions.assumeTrue(
                versions != null && versions.length > 0, "no local PostgreSQL cluster under /etc/postgresql");
        return Arrays.stream(versions)
                .max((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                .orElseThrow();
    }

    private static void pgctl(String version, String action) throws Exception {
        Process p = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action)
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("pg_ctlcluster " + action + ": " + output).isZero();
    }
}
