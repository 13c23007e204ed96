package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.Stratum;
import io.stratum.queue.Claimed;
import io.stratum.queue.QueueSettings;
import io.stratum.queue.WakeUpMode;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claims that wait: woken by a submit through another store, in another thread or another process, by a
 * transaction's submits when it commits, or by a store closed right after its submit; empty once the wait is over;
 * a task due later is claimed once due; closing the store ends the wait. The waiting stores run on the system clock,
 * with a poll interval far longer than the test where only a wake-up can explain the result.
 */
public abstract class WakeUpContract extends ContractSupport {
    private static final Duration LEASE = Duration.ofMinutes(1);
    /** Longer than any test waits: a claim that returns work before it expired was woken, not polled. */
    private static final Duration LONG = Duration.ofMinutes(2);
    /** How long a test waits for a claim to return. */
    private static final Duration GUARD = Duration.ofSeconds(60);

    /** A store on the contract's database (a private in-memory database gets the schema). */
    private Stratum waitingStore(Duration poll) {
        Stratum store = Stratum.builder()
                .url(url)
                .queue(QueueSettings.defaults()
                        .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1))
                        .withWakeUps(WakeUpMode.NOTIFY, poll))
                .open();
        store.migrate();
        return store;
    }

    private static NewTask task(String summary) {
        return NewTask.builder(summary, "coder").build();
    }

    @Test
    @RequiresCapability(Capability.SHARED_ACROSS_PROCESSES)
    void aWaitingClaimReturnsATaskSubmittedThroughAnotherStoreBeforeItsWaitExpires() throws Exception {
        try (Stratum store = waitingStore(LONG)) {
            Waiter waiter = Waiter.start(store, LONG);
            waiter.awaitWaiting();
            var id = db.tasks().submit(task("wake"));

            assertThat(waiter.result()).extracting(c -> c.task().id()).containsExactly(id);
        }
    }

    @Test
    @RequiresCapability(Capability.SHARED_ACROSS_PROCESSES)
    void aTaskSubmittedInATransactionWakesAWaitingClaimOfAnotherStoreWhenItCommits() throws Exception {
        try (Stratum store = waitingStore(LONG)) {
            Waiter waiter = Waiter.start(store, LONG);
            waiter.awaitWaiting();
            assertThatThrownBy(() -> db.transaction(tx -> {
                        tx.tasks().submit(task("rolled back"));
                        throw new IllegalStateException("the caller gives up");
                    }))
                    .isInstanceOf(IllegalStateException.class);
            TaskId id = db.transactionResult(tx -> {
                TaskId submitted = tx.tasks().submit(task("committed"));
                tx.tasks()
                        .submit(NewTask.builder("blocked", "coder")
                                .dependsOn(submitted)
                                .build());
                return submitted;
            });

            assertThat(waiter.result()).extracting(c -> c.task().id()).containsExactly(id);
        }
    }

    @Test
    @RequiresCapability(Capability.SHARED_ACROSS_PROCESSES)
    void aStoreClosedRightAfterItsSubmitHasWokenAWaitingClaimOfAnotherStore() throws Exception {
        try (Stratum store = waitingStore(LONG)) {
            for (int round = 0; round < 10; round++) {
                Waiter waiter = Waiter.start(store, LONG);
                waiter.awaitWaiting();
                TaskId id;
                try (Stratum submitting = Stratum.open(url)) {
                    id = submitting.tasks().submit(task("round " + round));
                }

                assertThat(waiter.result())
                        .as("round %d", round)
                        .extracting(c -> c.task().id())
                        .containsExactly(id);
            }
        }
    }

    @Test
    void aWaitingClaimOnAnEmptyQueueReturnsNothingOnceItsWaitIsOver() {
        try (Stratum store = waitingStore(Duration.ofMillis(50))) {
            Duration wait = Duration.ofMillis(300);
            long started = System.nanoTime();

            assertThat(store.queue().claim("worker", 1, LEASE, wait)).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(wait);
        }
    }

    @Test
    void aZeroWaitIsAClaimWithoutWaiting() {
        try (Stratum store = waitingStore(LONG)) {
            assertThat(store.queue().claim("worker", 1, LEASE, Duration.ZERO)).isEmpty();
            var id = store.tasks().submit(task("now"));

            assertThat(store.queue().claim("worker", 1, LEASE, Duration.ZERO))
                    .extracting(c -> c.task().id())
                    .containsExactly(id);
        }
    }

    @Test
    void aTaskDueLaterIsClaimedByAWaiterOnceDueAndNotBefore() throws Exception {
        try (Stratum store = waitingStore(Duration.ofMillis(100))) {
            var id = store.tasks()
                    .submit(NewTask.builder("retried", "coder").maxRetries(1).build());
            Claimed first = store.queue().claim("worker", 1, LEASE).getFirst();
            Instant failedAt = Instant.now();
            store.queue().fail(first.lease(), "first attempt");

            Waiter waiter = Waiter.start(store, LONG);

            assertThat(waiter.result()).extracting(c -> c.task().id()).containsExactly(id);
            // run_after = the fail's now (not before failedAt) + 1 s back-off, stored to the microsecond.
            assertThat(waiter.returnedAt)
                    .isAfterOrEqualTo(failedAt.plusSeconds(1).minusMillis(1));
        }
    }

    @Test
    void closingTheStoreReleasesAWaitingClaim() throws Exception {
        Stratum store = waitingStore(LONG);
        Waiter waiter = Waiter.start(store, LONG);
        waiter.awaitWaiting();
        store.close();

        assertThat(waiter.result()).isEmpty();
    }

    @Test
    @RequiresCapability(Capability.SHARED_ACROSS_PROCESSES)
    void aSubmitFromAnotherProcessWakesAWaitingClaim(@TempDir Path dir) throws Exception {
        try (Stratum store = waitingStore(Duration.ofMillis(250))) {
            Waiter waiter = Waiter.start(store, LONG);
            waiter.awaitWaiting();
            Process submitter = ChildJvm.start(SubmitProcess.class, "128m", dir.resolve("log"), url);
            assertThat(submitter.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS))
                    .as("the submitting process ended")
                    .isTrue();
            assertThat(submitter.exitValue())
                    .as("exit status of the submitting process; its output:%n%s", Files.readString(dir.resolve("log")))
                    .isZero();

            assertThat(waiter.result()).extracting(c -> c.task().summary()).containsExactly(SubmitProcess.SUMMARY);
        }
    }

    /** A claim waiting in a thread of its own. */
    private static final class Waiter {
        private final CompletableFuture<List<Claimed>> claimed = new CompletableFuture<>();
        private final Thread thread;
        private volatile Instant returnedAt;

        private Waiter(Stratum store, Duration wait) {
            this.thread = Thread.ofPlatform().name("waiting-claim").unstarted(() -> {
                try {
                    List<Claimed> result = store.queue().claim("waiter", 1, LEASE, wait);
                    returnedAt = Instant.now();
                    claimed.complete(result);
                } catch (RuntimeException e) {
                    claimed.completeExceptionally(e);
                }
            });
        }

        static Waiter start(Stratum store, Duration wait) {
            Waiter waiter = new Waiter(store, wait);
            waiter.thread.start();
            return waiter;
        }

        /**
         * Returns once the claim waits (or has returned). Only makes the waiting path the likely one: the
         * assertions hold whichever way the race goes.
         */
        void awaitWaiting() throws InterruptedException {
            long until = System.nanoTime() + GUARD.toNanos();
            while (thread.getState() != Thread.State.TIMED_WAITING && !claimed.isDone() && System.nanoTime() < until) {
                Thread.sleep(5);
            }
        }

        /** What the claim returned; fails if it did not return within the guard. */
        List<Claimed> result() throws Exception {
            return claimed.get(GUARD.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
