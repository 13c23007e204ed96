package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.LeaseLost;
import io.stratum.NotFound;
import io.stratum.Stratum;
import io.stratum.queue.Claimed;
import io.stratum.queue.Failure;
import io.stratum.queue.Lease;
import io.stratum.queue.QueueObserver;
import io.stratum.queue.QueueOperation;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a store tells its {@link QueueObserver}s: each call with its outcome, failed attempts, reclaimed and lost
 * leases; only what committed, and after the commit.
 */
public abstract class QueueObserverContract extends ContractSupport {
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final RecordingObserver observer = new RecordingObserver();
    private QueueObserver.Registration registration;

    @BeforeEach
    void observe() {
        observer.clear();
        registration = db.observe(observer);
    }

    @AfterEach
    void stopObserving() {
        registration.close();
    }

    private TaskId submit(int maxRetries) {
        return db.tasks()
                .submit(NewTask.builder("observed", "coder")
                        .maxRetries(maxRetries)
                        .build());
    }

    private Lease claimOne(Stratum store) {
        List<Claimed> claimed = store.queue().claim("worker", 1, LEASE);
        assertThat(claimed).hasSize(1);
        return claimed.getFirst().lease();
    }

    @Test
    void everyCallIsReportedWithItsOutcome() {
        TaskId first = submit(3);
        TaskId second = submit(3);
        Lease lease = claimOne(db);
        Lease extended = db.queue().heartbeat(lease, LEASE);
        db.queue().complete(extended, null);
        assertThatThrownBy(() -> db.queue().complete(extended, null)).isInstanceOf(LeaseLost.class);
        assertThatThrownBy(() -> db.queue().heartbeat(extended, LEASE)).isInstanceOf(LeaseLost.class);
        assertThat(db.queue().cancel(lease.taskId().equals(first) ? second : first))
                .hasSize(1);
        assertThatThrownBy(() -> db.queue().retry(TaskId.of(UUID.randomUUID()))).isInstanceOf(NotFound.class);
        assertThat(db.queue().reclaimExpired()).isZero();

        assertThat(observer.lines())
                .containsExactly(
                        "submit success",
                        "submit success",
                        "claim success",
                        "heartbeat success",
                        "complete success",
                        "complete conflict",
                        "lease lost on complete",
                        "heartbeat conflict",
                        "lease lost on heartbeat",
                        "cancel success",
                        "retry not_found",
                        "reclaim_expired success");
    }

    @Test
    void aFailedAttemptIsRetriedUntilItsRetriesAreSpent() {
        TaskId id = submit(1);
        db.queue().fail(claimOne(db), "first");
        clock.advance(Duration.ofMinutes(1));
        db.queue().fail(claimOne(db), "second");
        assertThat(db.tasks().require(id).status()).isEqualTo(TaskStatus.FAILED);
        db.queue().retry(id);

        assertThat(observer.lines())
                .containsExactly(
                        "submit success",
                        "claim success",
                        "attempt retried",
                        "fail success",
                        "claim success",
                        "attempt failed for good",
                        "fail success",
                        "retry success");
    }

    @Test
    void expiredLeasesAreReportedAsReclaimedByTheClaimSweepOrByReclaimExpired() {
        try (Stratum store = openMigrated(settings -> settings)) {
            RecordingObserver fresh = new RecordingObserver();
            try (QueueObserver.Registration ignored = store.observe(fresh)) {
                store.tasks().submit(NewTask.builder("a", "coder").maxRetries(1).build());
                claimOne(store);
                clock.advance(LEASE.plusMinutes(1));
                assertThat(store.queue().claim("rescuer", 1, LEASE)).isEmpty(); // reclaimed, backing off
                clock.advance(Duration.ofMinutes(1));
                claimOne(store);
                clock.advance(LEASE.plusSeconds(1));
                assertThat(store.queue().reclaimExpired()).isEqualTo(1);

                assertThat(fresh.lines())
                        .containsExactly(
                                "submit success",
                                "claim success",
                                "attempt retried",
                                "1 reclaimed by claim",
                                "claim success",
                                "claim success",
                                "attempt failed for good",
                                "1 reclaimed by reclaim_expired",
                                "reclaim_expired success");
            }
        }
    }

    @Test
    void aCallThatRollsBackReportsItsOutcomeButNoneOfItsEffects() {
        submit(3);
        submit(3);
        List<Claimed> claimed = db.queue().claim("worker", 2, LEASE);
        Lease stale = new Lease(
                claimed.get(1).task().id(),
                "worker",
                UUID.randomUUID(),
                claimed.get(1).lease().expiresAt());
        observer.clear();
        assertThatThrownBy(() ->
                        db.queue().failAll(List.of(new Failure(claimed.get(0).lease(), "x"), new Failure(stale, "y"))))
                .isInstanceOf(LeaseLost.class);

        assertThat(observer.lines()).containsExactly("fail conflict", "lease lost on fail");
    }

    @Test
    void callsInATransactionAreReportedOnceItCommitsAndNeverIfItRollsBack() {
        submit(3);
        Lease lease = claimOne(db);
        observer.clear();
        assertThatThrownBy(() -> db.transaction(tx -> {
                    tx.queue().fail(lease, "rolled back");
                    throw new IllegalStateException("roll back");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(observer.lines()).isEmpty();

        db.transaction(tx -> {
            tx.queue().fail(lease, "committed");
            db.tasks().submit(NewTask.builder("joins", "coder").build());
            assertThat(observer.lines()).as("nothing before the commit").isEmpty();
        });
        assertThat(observer.lines()).containsExactly("attempt retried", "fail success", "submit success");
    }

    @Test
    void anObserverThatThrowsBreaksNothing() {
        QueueObserver failing = new QueueObserver() {
            @Override
            public void operationEnded(
                    QueueOperation operation, Duration elapsed, Optional<io.stratum.ErrorCode> error) {
                throw new IllegalStateException("observer bug");
            }
        };
        try (QueueObserver.Registration ignored = db.observe(failing)) {
            submit(3);
            submit(3);
        }
        assertThat(observer.lines()).containsExactly("submit success", "submit success");
    }

    @Test
    void aClosedRegistrationIsToldNothingMore() {
        registration.close();
        submit(3);
        registration.close();
        assertThat(observer.lines()).isEmpty();
        assertThat(db.queue().claim("worker", 1, LEASE)).hasSize(1);
    }
}
