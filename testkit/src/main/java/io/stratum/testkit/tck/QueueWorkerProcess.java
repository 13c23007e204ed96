package io.stratum.testkit.tck;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.PoolSettings;
import io.stratum.Stratum;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker JVM of {@link MultiProcessContract}: {@code <jdbc url> <name> <threads> <claims file>}.
 * Runs {@link RecordingWorker}s until every task in the database is completed, then writes the ids of the
 * tasks this process claimed, one per claim, to the claims file. Exits with status 0 only if all went well.
 */
public final class QueueWorkerProcess {
    private static final Logger LOG = LoggerFactory.getLogger(QueueWorkerProcess.class);

    private QueueWorkerProcess() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String name = args[1];
        int threads = Integer.parseInt(args[2]);
        Path claimsFile = Path.of(args[3]);
        PoolSettings pool = PoolSettings.defaults().withMaxSize(threads + 1).withMinIdle(1);
        try (Stratum db = Stratum.builder().url(url).pool(pool).open()) {
            Ledger ledger = new Ledger();
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Void>> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    workers.add(executor.submit(new RecordingWorker(
                            db.queue(),
                            name + "-" + t,
                            20,
                            t % 4 == 0,
                            ledger,
                            () -> !db.dsl().fetchExists(TASKS, TASKS.STATUS.ne(TaskStatus.COMPLETED.dbValue())))));
                }
                for (Future<Void> worker : workers) {
                    worker.get();
                }
            } finally {
                executor.shutdownNow();
            }
            List<String> lines = new ArrayList<>();
            ledger.claims().forEach((TaskId id, Integer count) -> {
                for (int i = 0; i < count; i++) {
                    lines.add(id.toString());
                }
            });
            Files.write(claimsFile, lines);
            LOG.info("{}: claimed {}, retried errors {}", name, lines.size(), ledger.retries());
        }
    }
}
