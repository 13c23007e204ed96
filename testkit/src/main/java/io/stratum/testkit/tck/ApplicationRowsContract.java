package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.ConstraintViolation;
import io.stratum.Json;
import io.stratum.LeaseLost;
import io.stratum.Stratum;
import io.stratum.queue.Claimed;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker completes its task and writes the application's own rows in one transaction: both commit, or, on any
 * failure between or after the two writes, neither does and the task stays claimed under the same lease.
 */
public abstract class ApplicationRowsContract extends ContractSupport {
    private static final Duration LEASE = Duration.ofMinutes(5);
    /** Not a performance bound: only how long a stuck step may hang before the test fails. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(2);

    @BeforeAll
    void createTheApplicationsTable() {
        InvoiceTable.create(db.dsl());
    }

    @BeforeEach
    void noInvoices() {
        db.dsl().deleteFrom(InvoiceTable.INVOICES).execute();
    }

    @Test
    void theApplicationsRowsAndTheCompletionCommitTogether() {
        Claimed work = claimOne();

        db.transaction(tx -> {
            InvoiceTable.insert(tx, work.task().id(), 1250);
            tx.queue().complete(work.lease(), Json.of("{\"invoiced\": 1250}"));
        });

        assertThat(InvoiceTable.count(db.dsl())).isOne();
        assertThat(db.tasks().get(work.task().id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void aFailureBetweenTheTwoWritesRollsBackTheApplicationsRows() {
        Claimed work = claimOne();

        assertThatThrownBy(() -> db.transaction(tx -> {
                    InvoiceTable.insert(tx, work.task().id(), 1250);
                    throw new IllegalStateException("the payment service is down");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertUntouched(work);
    }

    @Test
    void aFailureAfterBothWritesRollsBackTheCompletionToo() {
        Claimed work = claimOne();

        assertThatThrownBy(() -> db.transaction(tx -> {
                    InvoiceTable.insert(tx, work.task().id(), 1250);
                    tx.queue().complete(work.lease(), Json.of("{\"invoiced\": 1250}"));
                    throw new IllegalStateException("failed after both writes");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertUntouched(work);
    }

    @Test
    void aFailingStatementOfTheApplicationRollsBackTheCompletion() {
        Claimed work = claimOne();
        db.transaction(tx -> InvoiceTable.insert(tx, work.task().id(), 1)); // an earlier invoice for the same task

        assertThatThrownBy(() -> db.transaction(tx -> {
                    tx.queue().complete(work.lease(), Json.of("{}"));
                    InvoiceTable.insert(tx, work.task().id(), 1250);
                }))
                .isInstanceOf(ConstraintViolation.class);

        assertThat(InvoiceTable.count(db.dsl())).isOne();
        assertThat(db.tasks().get(work.task().id()).orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    void aLostLeaseRollsBackTheApplicationsRows() {
        Claimed work = claimOne();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(db.queue().reclaimExpired()).isOne();
        clock.advance(Duration.ofMinutes(1)); // past the retry back-off
        List<Claimed> again = db.queue().claim("worker-2", 1, LEASE);
        assertThat(again).hasSize(1);

        assertThatThrownBy(() -> db.transaction(tx -> {
                    InvoiceTable.insert(tx, work.task().id(), 1250);
                    tx.queue().complete(work.lease(), Json.of("{}"));
                }))
                .isInstanceOf(LeaseLost.class);

        assertThat(InvoiceTable.count(db.dsl())).isZero();
        assertThat(db.tasks().get(work.task().id()).orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    @RequiresCapability(Capability.SHARED_ACROSS_PROCESSES)
    void aWorkerKilledInsideTheTransactionLeavesNeitherWrite(@TempDir Path dir) throws Exception {
        // Long enough for the worker to finish its transaction on a loaded machine; the stores below look at the
        // database from after it has expired, through clocks set ahead, instead of waiting for it.
        Duration lease = Duration.ofMinutes(1);
        TaskId task = db.tasks()
                .submit(NewTask.builder("invoice the order", "billing").build());
        Path ready = dir.resolve("ready");
        Process worker = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledWorkerProcess.class.getName(),
                        url,
                        String.valueOf(lease.toMillis()),
                        ready.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").toFile())
                .start();
        try {
            long giveUp = System.nanoTime() + HANG_GUARD.toNanos();
            while (!Files.exists(ready) && worker.isAlive() && System.nanoTime() < giveUp) {
                Thread.sleep(20);
            }
            assertThat(ready)
                    .as("worker output:%n%s", Files.readString(dir.resolve("log")))
                    .exists();
            assertThat(worker.isAlive())
                    .as("worker output:%n%s", Files.readString(dir.resolve("log")))
                    .isTrue();
        } finally {
            worker.destroyForcibly(); // SIGKILL: no rollback, no close, no shutdown hook
            worker.waitFor();
        }

        Clock afterTheLease = Clock.offset(Clock.systemUTC(), lease.plusMinutes(1));
        try (Stratum afterTheCrash =
                Stratum.builder().url(url).clock(afterTheLease).open()) {
            assertThat(InvoiceTable.count(afterTheCrash.dsl())).isZero();
            assertThat(afterTheCrash.tasks().get(task).orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
            assertThat(afterTheCrash.queue().reclaimExpired()).isOne();
        }
        Clock afterTheBackOff = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
        try (Stratum later = Stratum.builder().url(url).clock(afterTheBackOff).open()) {
            Claimed again = later.queue().claim("worker-2", 1, LEASE).getFirst();
            later.transaction(tx -> {
                InvoiceTable.insert(tx, again.task().id(), 1250);
                tx.queue().complete(again.lease(), Json.of("{\"invoiced\": 1250}"));
            });
            assertThat(InvoiceTable.count(later.dsl())).isOne();
            assertThat(later.tasks().get(task).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
        }
    }

    private Claimed claimOne() {
        db.tasks().submit(NewTask.builder("invoice the order", "billing").build());
        List<Claimed> claimed = db.queue().claim("worker-1", 1, LEASE);
        assertThat(claimed).hasSize(1);
        return claimed.getFirst();
    }

    /** Nothing of the transaction is left, and the worker still holds its lease: it can finish the work now. */
    private void assertUntouched(Claimed work) {
        assertThat(InvoiceTable.count(db.dsl())).isZero();
        assertThat(db.tasks().get(work.task().id()).orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
        db.transaction(tx -> {
            InvoiceTable.insert(tx, work.task().id(), 1250);
            tx.queue().complete(work.lease(), Json.of("{\"invoiced\": 1250}"));
        });
        assertThat(InvoiceTable.count(db.dsl())).isOne();
        assertThat(db.tasks().get(work.task().id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
    }
}
