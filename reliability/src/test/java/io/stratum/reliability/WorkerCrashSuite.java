package io.stratum.reliability;

import static io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES;
import static io.stratum.codegen.jooq.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.task.NewTask;
import io.stratum.task.TaskStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worker JVMs killed with SIGKILL in the middle of their batches, again and again, then survivors that finish:
 * every task is completed exactly once (its effect, written in the completing transaction, exists once), the
 * killed workers' leases were reclaimed, and no task is left running.
 */
abstract class WorkerCrashSuite extends StoreSuite {
    private static final int TASKS_TOTAL = 1_500;
    private static final int KILLS = 20;
    private static final int VICTIMS_AT_ONCE = 4;
    private static final int SURVIVORS = 2;

    @TempDir
    Path logs;

    @Test
    void killedWorkersLoseNoTaskAndCompleteNoneTwice() throws Exception {
        List<NewTask> batch = new ArrayList<>();
        for (int i = 0; i < TASKS_TOTAL; i++) {
            batch.add(NewTask.builder("task " + i, "worker").maxRetries(1_000).build());
        }
        db.tasks().submitAll(batch);
        long started = System.nanoTime();
        Random random = new Random(42);
        AtomicInteger kills = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        for (int wave = 0; wave < KILLS / VICTIMS_AT_ONCE; wave++) {
            List<Thread> killers = new ArrayList<>();
            for (int v = 0; v < VICTIMS_AT_ONCE; v++) {
                String name = "victim-" + wave + "-" + v;
                Process victim = startWorker(name);
                int lifetime = 100 + random.nextInt(301);
                killers.add(Thread.ofPlatform().start(() -> killWhenWorking(victim, name, lifetime, kills, failures)));
            }
            for (Thread killer : killers) {
                killer.join();
            }
        }
        assertThat(failures).as("victims that failed before being killed").isEmpty();
        assertThat(kills.get())
                .as("victims killed mid-batch; raise TASKS_TOTAL if they ran out of work")
                .isEqualTo(KILLS);
        long leftByVictims = db.dsl().fetchCount(TASKS, TASKS.STATUS.ne(TaskStatus.COMPLETED.dbValue()));
        List<Process> survivors = new ArrayList<>();
        for (int s = 0; s < SURVIVORS; s++) {
            survivors.add(startWorker("survivor-" + s));
        }
        for (int s = 0; s < SURVIVORS; s++) {
            Process survivor = survivors.get(s);
            assertThat(survivor.waitFor(180, TimeUnit.SECONDS))
                    .as("survivor finished")
                    .isTrue();
            assertThat(survivor.exitValue())
                    .as(JavaProcess.read(logs.resolve("survivor-" + s + ".log")))
                    .isZero();
        }

        DSLContext dsl = db.dsl();
        assertThat(dsl.fetchCount(TASKS, TASKS.STATUS.eq(TaskStatus.COMPLETED.dbValue())))
                .isEqualTo(TASKS_TOTAL);
        assertThat(dsl.fetchCount(MEMORY_ENTRIES, MEMORY_ENTRIES.NAMESPACE.eq(CrashWorkerMain.EFFECTS)))
                .as("effects, one row per task")
                .isEqualTo(TASKS_TOTAL);
        assertThat(dsl.fetchCount(dsl.selectDistinct(MEMORY_ENTRIES.KEY)
                        .from(MEMORY_ENTRIES)
                        .where(MEMORY_ENTRIES.NAMESPACE.eq(CrashWorkerMain.EFFECTS))))
                .isEqualTo(TASKS_TOTAL);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(dsl.fetchCount(
                        TASKS,
                        TASKS.STATUS
                                .eq(TaskStatus.RUNNING.dbValue())
                                .and(TASKS.LEASE_EXPIRES_AT.isNull().or(TASKS.LEASE_EXPIRES_AT.lt(now)))))
                .as("running without a live lease")
                .isZero();
        int reclaimed = dsl.select(DSL.coalesce(DSL.sum(TASKS.RETRY_COUNT), DSL.inline(java.math.BigDecimal.ZERO)))
                .from(TASKS)
                .fetchSingle()
                .value1()
                .intValue();
        assertThat(reclaimed).as("leases reclaimed from killed workers").isPositive();
        Consistency.assertSqliteIntegrity(db);
        Figures.record(
                "worker-crash." + getClass().getSimpleName(),
                kills.get() + " SIGKILLs of worker JVMs mid-batch, "
                        + TASKS_TOTAL + " tasks (" + leftByVictims + " unfinished when the kills stopped), " + reclaimed
                        + " expired leases reclaimed, every task completed exactly once, "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
    }

    private Process startWorker(String name) {
        List<String> command = JavaProcess.command(CrashWorkerMain.class, url, name);
        try {
            return new ProcessBuilder(command)
                    .redirectError(logs.resolve(name + ".log").toFile())
                    .start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits for the worker's "claiming" line (it holds leases on its first batch); false if it found no work. */
    private void killWhenWorking(
            Process victim, String name, int lifetimeMillis, AtomicInteger kills, List<String> failures) {
        try {
            if (awaitClaiming(victim)) {
                Thread.sleep(lifetimeMillis);
                victim.destroyForcibly();
                victim.waitFor(30, TimeUnit.SECONDS);
                kills.incrementAndGet();
            } else if (!victim.waitFor(30, TimeUnit.SECONDS) || victim.exitValue() != 0) {
                failures.add(name + ": " + JavaProcess.read(logs.resolve(name + ".log")));
            }
        } catch (Exception e) {
            failures.add(name + ": " + e);
        }
    }

    private static boolean awaitClaiming(Process worker) throws java.io.IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
        return "claiming".equals(out.readLine());
    }
}
