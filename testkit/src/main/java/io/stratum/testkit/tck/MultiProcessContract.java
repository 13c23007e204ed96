package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly once across processes: {@value #PROCESSES} JVMs with {@value #THREADS_PER_PROCESS} worker threads each
 * claim and complete {@value #TASKS} tasks with dependencies from one database. Only for configurations
 * whose database other processes can open (a file, a server), not for private in-memory ones.
 *
 * <p>The workers run {@link QueueWorkerProcess} on this JVM's class path, which therefore must hold the
 * backend under test.
 */
public abstract class MultiProcessContract extends ContractSupport {
    static final int TASKS = 20_000;
    static final int PROCESSES = 2;
    static final int THREADS_PER_PROCESS = 4;
    /** Not a performance bound: only how long a stuck worker may hang before the test fails. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(MultiProcessContract.class);

    @Test
    void twoProcessesCompleteEveryTaskExactlyOnceInDependencyOrder(@TempDir Path dir) throws Exception {
        List<NewTask> tasks = Workload.dag(TASKS, 40_000L);
        Workload.submit(db, tasks);
        long started = System.nanoTime();
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            processes.add(worker(p, dir));
        }
        for (int p = 0; p < PROCESSES; p++) {
            Process process = processes.get(p);
            if (!process.waitFor(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS)) {
                processes.forEach(Process::destroyForcibly);
                fail("worker process " + p + " hung; its output:\n" + Files.readString(dir.resolve("log-" + p)));
            }
            assertThat(process.exitValue())
                    .as("exit status of worker %s; its output:%n%s", p, Files.readString(dir.resolve("log-" + p)))
                    .isZero();
        }
        LOG.info(
                "{}: {} tasks, {} processes x {} threads: {} ms",
                db.backendName(),
                TASKS,
                PROCESSES,
                THREADS_PER_PROCESS,
                (System.nanoTime() - started) / 1_000_000);

        Map<TaskId, Integer> claims = new HashMap<>();
        for (int p = 0; p < PROCESSES; p++) {
            LOG.info(
                    "worker {}: {}",
                    p,
                    Files.readString(dir.resolve("log-" + p)).strip());
            for (String line : Files.readAllLines(dir.resolve("claims-" + p))) {
                claims.merge(TaskId.parse(line), 1, Integer::sum);
            }
        }
        assertThat(claims).hasSize(TASKS);
        assertThat(claims.values()).allMatch(count -> count == 1);
        Workload.verifyStored(db, tasks);
    }

    private Process worker(int index, Path dir) throws IOException {
        return ChildJvm.start(
                QueueWorkerProcess.class,
                "256m",
                dir.resolve("log-" + index),
                url,
                "process-" + index,
                String.valueOf(THREADS_PER_PROCESS),
                dir.resolve("claims-" + index).toString());
    }
}
