package io.stratum.reliability;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.LeaseLost;
import io.stratum.Stratum;
import io.stratum.Unavailable;
import io.stratum.queue.Claimed;
import io.stratum.task.TaskStatus;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A worker loop that keeps claiming and completing (with an effect row, see {@link CrashWorkerMain}) until no
 * task is left and no more are coming, counting the {@link Unavailable} and {@link LeaseLost} it meets instead of
 * giving up.
 */
final class QueueDrain {
    private QueueDrain() {}

    static void drain(
            Stratum db, String name, BooleanSupplier moreComing, AtomicInteger unavailable, AtomicInteger leasesLost)
            throws InterruptedException {
        while (true) {
            List<Claimed> claimed;
            try {
                boolean producing = moreComing.getAsBoolean();
                if (!producing && !db.dsl().fetchExists(TASKS, TASKS.STATUS.ne(TaskStatus.COMPLETED.dbValue()))) {
                    return;
                }
                claimed = db.queue().claim(name, 8, CrashWorkerMain.LEASE);
            } catch (Unavailable e) {
                unavailable.incrementAndGet();
                continue;
            }
            if (claimed.isEmpty()) {
                Thread.sleep(20);
            }
            for (Claimed task : claimed) {
                try {
                    CrashWorkerMain.completeWithEffect(db, name, task);
                } catch (Unavailable e) {
                    // Applied or not: if not, the lease runs out and the task is claimed again.
                    unavailable.incrementAndGet();
                } catch (LeaseLost e) {
                    leasesLost.incrementAndGet();
                }
            }
        }
    }
}
