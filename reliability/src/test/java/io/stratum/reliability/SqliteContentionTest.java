package io.stratum.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Stratum;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One SQLite file, 16 writer threads in this JVM and two more writer processes, all incrementing the same four
 * counters by compare-and-set: no Busy or locking error reaches a caller and no increment is lost.
 */
class SqliteContentionTest {
    private static final int THREADS = 16;
    private static final int INCREMENTS = 40;
    private static final int PROCESSES = 2;
    private static final int PROCESS_THREADS = 4;

    @TempDir
    Path dir;

    @Test
    void sixteenThreadsAndTwoProcessesLoseNoUpdate() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("contended.db");
        long started = System.nanoTime();
        try (Stratum db = Stratum.open(url)) {
            db.migrate();
            Counters.create(db);
            List<Process> processes = new ArrayList<>();
            for (int p = 0; p < PROCESSES; p++) {
                processes.add(JavaProcess.start(
                        CounterWriterMain.class,
                        dir.resolve("writer-" + p + ".log"),
                        url,
                        Integer.toString(PROCESS_THREADS),
                        Integer.toString(INCREMENTS)));
            }
            AtomicInteger conflicts = new AtomicInteger();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = 0; i < INCREMENTS; i++) {
                            conflicts.addAndGet(Counters.increment(db, (offset + i) % Counters.COUNT));
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            for (int p = 0; p < PROCESSES; p++) {
                Process process = processes.get(p);
                assertThat(process.waitFor(180, TimeUnit.SECONDS))
                        .as("writer process finished")
                        .isTrue();
                assertThat(process.exitValue())
                        .as(JavaProcess.read(dir.resolve("writer-" + p + ".log")))
                        .isZero();
            }
            assertThat(failures).as("errors that reached callers").isEmpty();
            long total = (long) THREADS * INCREMENTS + (long) PROCESSES * PROCESS_THREADS * INCREMENTS;
            assertThat(Counters.sum(db)).as("increments landed").isEqualTo(total);
            Consistency.assertSqliteIntegrity(db);
            Figures.record(
                    "sqlite-contention",
                    (THREADS + PROCESSES * PROCESS_THREADS) + " writers ("
                            + THREADS + " threads here, " + PROCESSES + " processes x " + PROCESS_THREADS
                            + " threads), "
                            + total + " compare-and-set increments, " + conflicts.get()
                            + " lost races retried in this JVM, "
                            + "0 errors, 0 lost updates, " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                            + " ms");
        }
    }
}
