package io.stratum.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Json;
import io.stratum.StaleVersion;
import io.stratum.Stratum;
import io.stratum.Unavailable;
import io.stratum.memory.MemoryWrite;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import io.stratum.testkit.tck.ScratchDatabases;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Writers under load while an admin connection cuts the pool's connections again and again: callers see nothing but
 * {@link Unavailable}, retrying an idempotent write after one neither loses nor doubles it, and the pool serves again
 * after each cut without the application doing anything. A backend says how to cut ({@link ConnectionCutter}).
 */
abstract class ConnectionLossSuite {
    private static final int THREADS = 4;
    private static final int MIN_OPERATIONS = 600;
    private static final int CUTS = 10;

    /** The name of the backend's test database service. */
    protected abstract String testDatabaseService();

    /** An admin connection to the database at {@code url} that cuts every other connection to it. */
    protected abstract ConnectionCutter cutter(String url) throws SQLException;

    @Test
    void cutConnectionsCostNoWriteAndDoubleNone() throws Exception {
        try (ScratchDatabases server = ScratchDatabases.of(testDatabaseService())) {
            String url = server.freshUrl();
            long started = System.nanoTime();
            try (Stratum db = Stratum.open(url);
                    ConnectionCutter cutter = cutter(url)) {
                db.migrate();
                AtomicInteger next = new AtomicInteger();
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger unavailable = new AtomicInteger();
                List<Throwable> failures = new CopyOnWriteArrayList<>();
                List<Thread> writers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    writers.add(Thread.ofPlatform().start(() -> {
                        try {
                            while (!stop.get()) {
                                writeOnce(db, next.getAndIncrement(), unavailable);
                            }
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }));
                }
                // The writers run until every cut is made, however fast the machine, so each cut lands mid-load.
                int cut = 0;
                for (int round = 0; round < CUTS; round++) {
                    Thread.sleep(200);
                    cut += cutter.cutOthers();
                }
                while (next.get() < MIN_OPERATIONS && failures.isEmpty()) {
                    Thread.sleep(50);
                }
                stop.set(true);
                for (Thread writer : writers) {
                    writer.join(TimeUnit.MINUTES.toMillis(2));
                }
                assertThat(failures).as("errors other than Unavailable").isEmpty();
                int operations = next.get();
                assertThat(db.tasks().count(TaskFilters.all()))
                        .as("tasks, one per operation")
                        .isEqualTo(operations);
                for (int op = 0; op < operations; op++) {
                    assertThat(db.memory().get("ops", "op-" + op))
                            .as("op " + op)
                            .hasValueSatisfying(e -> assertThat(e.version()).isEqualTo(1));
                }
                Figures.record(
                        testDatabaseService() + "-connection-loss",
                        CUTS + " cuts of " + cut
                                + " connections during " + operations + " operations (" + 2 * operations
                                + " writes) by "
                                + THREADS + " threads; " + unavailable.get()
                                + " Unavailable seen by callers and retried; "
                                + "0 lost, 0 doubled, " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                                + " ms");
            }
        }
    }

    /**
     * Submits a task with an idempotency key and creates a memory entry that must not exist yet, each retried
     * after {@link Unavailable}: a retry of a write that did commit finds it (the same task; a StaleVersion).
     */
    private static void writeOnce(Stratum db, int op, AtomicInteger unavailable) {
        retry(
                unavailable,
                () -> db.tasks()
                        .submit(NewTask.builder("op " + op, "loader")
                                .idempotencyKey("op-" + op)
                                .build()));
        boolean[] retried = {false};
        retry(unavailable, () -> {
            try {
                db.memory()
                        .put(MemoryWrite.of("ops", "op-" + op, Json.of(Integer.toString(op)))
                                .expectingVersion(0));
            } catch (StaleVersion alreadyWritten) {
                assertThat(retried[0])
                        .as("entry existed before the first attempt")
                        .isTrue();
            } finally {
                retried[0] = true;
            }
        });
    }

    private static void retry(AtomicInteger unavailable, Runnable write) {
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (Unavailable e) {
                unavailable.incrementAndGet();
                assertThat(attempt).as("attempts").isLessThan(20);
            }
        }
    }
}
