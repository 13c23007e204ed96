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

    private CrashWorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String name = args[1];
        try (Stratum db = Stratum.builder().url(args[0]).pool(PoolSettings.defaults().withMaxSize(2).withMinIdle(1))
                .queue(QueueSettings.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50))).open()) {
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
        String id = claimed.task().id().toString();
        try {
            db.transaction(tx -> {
                // Complete first: it fails with LeaseLost unless this worker still holds the task, so an
                // existing effect afterwards can only mean the task was completed before.
                tx.queue().complete(claimed.lease(), Json.of(JsonStrings.object(name)));
                tx.memory().put(MemoryWrite.of(EFFECTS, id, Json.of(JsonStrings.quote(name))).expectingVersion(0));
            });
        } catch (LeaseLost expired) {
            // Too slow: the lease ran out and another worker has the task; this transaction rolled back.
        } catch (StaleVersion twice) {
            System.err.println("task " + id + " completed twice: " + twice.getMessage() + "; first effect by "
                    + db.memory().get(EFFECTS, id).map(e -> e.value().text()).orElse("?") + "; task now "
                    + db.tasks().require(claimed.task().id()) + "; our lease " + claimed.lease());
            System.exit(3);
        }
    }
}
