package io.stratum.reliability;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.Json;
import io.stratum.LeaseLost;
import io.stratum.PoolSettings;
import io.stratum.StaleVersion;
import io.stratum.Stratum;
import io.stratum.memory.MemoryWrite;
import io.stratum.queue.Claimed;
import io.stratum.queue.QueueSettings;
import io.stratum.task.TaskStatus;
import java.time.Duration;
import java.util.List;

/**
 * The worker JVM of {@link WorkerCrashSuite}: {@code <url> <name>}. Claims batches under one-second leases and
 * completes each task in one transaction with its effect, a memory entry keyed by the task id that must not exist
 * yet. Prints {@code claiming} once it holds its first batch, and exits 0 when no task is left unfinished. A second effect for a
 * task (a task completed twice) makes it exit 3; the test kills most of these JVMs with SIGKILL mid-batch.
 */
public final class CrashWorkerMain {
    static final String EFFECTS = "effects";
    static final Duration LEASE = Duration.ofSeconds(1);

    private CrashWorkerMain() {}

    public static void main(String[] args) throws InterruptedException {
        String name = args[1];
        try (Stratum db = Stratum.builder()
                .url(args[0])
                .pool(PoolSettings.defaults().withMaxSize(2).withMinIdle(1))
                .queue(QueueSettings.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)))
                .open()) {
            boolean announced = false;
            while (true) {
                List<Claimed> batch = db.queue().claim(name, 8, LEASE);
                if (!announced && !batch.isEmpty()) {
                    System.out.println("claiming");
                    System.out.flush();
                    announced = true;
                }
                if (batch.isEmpty()) {
                    if (!db.dsl().fetchExists(TASKS, TASKS.STATUS.ne(TaskStatus.COMPLETED.dbValue()))) {
                        break;
                    }
                    Thread.sleep(20);
                }
                for (Claimed claimed : batch) {
                    complete(db, name, claimed);
                }
            }
        }
        System.exit(0);
    }

    private static void complete(Stratum db, String name, Claimed claimed) {
        try {
            completeWithEffect(db, name, claimed);
        } catch (LeaseLost expired) {
            // Too slow: the lease ran out and another worker has the task; this transaction rolled back.
        } catch (StaleVersion twice) {
            System.err.println("task " + claimed.task().id() + " completed twice: " + twice.getMessage());
            System.exit(3);
        }
    }

    /**
     * Completes the task and writes its effect in one transaction. Completing comes first: it fails with
     * {@link LeaseLost} unless the caller still holds the task, so a {@link StaleVersion} from the effect can
     * only mean that the task had been completed before.
     */
    static void completeWithEffect(Stratum db, String name, Claimed claimed) {
        db.transaction(tx -> {
            tx.queue().complete(claimed.lease(), Json.of(JsonStrings.object(name)));
            tx.memory()
                    .put(MemoryWrite.of(EFFECTS, claimed.task().id().toString(), Json.of(Json.quote(name)))
                            .expectingVersion(0));
        });
    }
}
