package io.stratum.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.PageRequest;
import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.Task;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many writers in one process, on two Stratum instances sharing one file: no SQLITE_BUSY reaches them. */
class SqliteConcurrentWritersTest {
    private static final int THREADS = 16;
    private static final int WRITES_PER_THREAD = 150;

    @Test
    void concurrentWritersNeverSeeBusyAndLoseNothing(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("shared.db");
        try (Stratum first = Stratum.open(url);
                Stratum second = Stratum.open(url)) {
            first.migrate();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < THREADS; t++) {
                    Stratum db = t % 2 == 0 ? first : second;
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < WRITES_PER_THREAD; i++) {
                            try {
                                TaskId id = db.tasks()
                                        .submit(NewTask.builder("w" + thread + "-" + i, "coder")
                                                .build());
                                Task task = db.tasks().require(id);
                                db.tasks()
                                        .update(task.toBuilder()
                                                .priority(i % 11)
                                                .build());
                                db.tasks().updateStatus(id, TaskStatus.RUNNING);
                            } catch (RuntimeException e) {
                                failures.add(e);
                            }
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : futures) {
                    f.get();
                }
            }
            assertThat(failures).isEmpty();
            assertThat(first.tasks()
                            .count(TaskFilters.builder()
                                    .status(TaskStatus.RUNNING)
                                    .build()))
                    .isEqualTo(THREADS * WRITES_PER_THREAD);
            assertThat(second.tasks()
                            .list(TaskFilters.all(), PageRequest.first(10))
                            .items())
                    .allMatch(t -> t.version() == 2);
        }
    }
}
