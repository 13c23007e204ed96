package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.IllegalTransition;
import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.LeaseLost;
import io.stratum.NotFound;
import io.stratum.PageRequest;
import io.stratum.Stratum;
import io.stratum.audit.AuditActions;
import io.stratum.audit.AuditEntry;
import io.stratum.audit.AuditQuery;
import io.stratum.queue.Claimed;
import io.stratum.queue.Completion;
import io.stratum.queue.DependentsOnFailure;
import io.stratum.queue.Failure;
import io.stratum.queue.Lease;
import io.stratum.queue.QueueSettings;
import io.stratum.queue.TaskQueue;
import io.stratum.task.DependencyType;
import io.stratum.task.NewTask;
import io.stratum.task.Task;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Claims, leases, completion, failure with back-off, retry and the effect of each on dependents. */
public abstract class QueueContract extends ContractSupport {
    static final Duration LEASE = Duration.ofMinutes(1);

    private TaskId submit(NewTask.Builder task) {
        return db.tasks().submit(task.build());
    }

    private static NewTask.Builder task(String summary) {
        return NewTask.builder(summary, "coder");
    }

    private List<Claimed> claim(String worker, int max) {
        return db.queue().claim(worker, max, LEASE);
    }

    private Claimed claimOnly(TaskId id) {
        List<Claimed> claimed = claim("worker", 1);
        assertThat(claimed).extracting(c -> c.task().id()).containsExactly(id);
        return claimed.getFirst();
    }

    private Task stored(TaskId id) {
        return db.tasks().require(id);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A claim beside a transaction that claimed the first ready task and has not committed yet takes the next one.
     * Where claims skip locked rows it does so while that transaction is still open; under a single writer it waits
     * for the transaction to end. In neither case may it come back empty.
     */
    @Test
    void aClaimBesideAnUncommittedClaimTakesTheNextReadyTask() throws Exception {
        boolean skipsLocked = backend().supportsSkipLocked();
        TaskId first = submit(task("first").priority(9));
        TaskId second = submit(task("second").priority(1));
        ExecutorService beside = Executors.newSingleThreadExecutor();
        try {
            AtomicReference<Future<List<Claimed>>> besideClaim = new AtomicReference<>();
            AtomicReference<List<Claimed>> insideClaim = new AtomicReference<>();
            AtomicBoolean doneWhileOpen = new AtomicBoolean();
            db.transaction(tx -> {
                insideClaim.set(tx.queue().claim("inside", 1, LEASE));
                besideClaim.set(beside.submit(() -> claim("beside", 1)));
                if (skipsLocked) {
                    // Milliseconds when it skips the locked task; the bound only ends the test when it waits instead.
                    try {
                        besideClaim.get().get(30, TimeUnit.SECONDS);
                        doneWhileOpen.set(true);
                    } catch (TimeoutException waitedForTheLock) {
                        doneWhileOpen.set(false);
                    } catch (InterruptedException | ExecutionException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            assertThat(insideClaim.get()).extracting(c -> c.task().id()).containsExactly(first);
            assertThat(besideClaim.get().get(1, TimeUnit.MINUTES))
                    .extracting(c -> c.task().id())
                    .containsExactly(second);
            if (skipsLocked) {
                assertThat(doneWhileOpen)
                        .as("the claim beside skipped the locked task instead of waiting for its transaction")
                        .isTrue();
            }
        } finally {
            beside.shutdownNow();
        }
    }

    @Test
    void claimHandsOutReadyTasksByPriorityThenAgeUnderOneFreshLease() {
        TaskId low = submit(task("low").priority(1));
        clock.advance(Duration.ofMillis(1));
        TaskId highOld = submit(task("high old").priority(9));
        clock.advance(Duration.ofMillis(1));
        TaskId highNew = submit(task("high new").priority(9));
        submit(task("waits for low").dependsOn(low));
        clock.advance(Duration.ofSeconds(1));

        List<Claimed> first = claim("w1", 2);
        assertThat(first).extracting(c -> c.task().id()).containsExactly(highOld, highNew);
        for (Claimed c : first) {
            Task t = stored(c.task().id());
            assertThat(c.task()).isEqualTo(t);
            assertThat(t.status()).isEqualTo(TaskStatus.RUNNING);
            assertThat(t.leaseOwner()).isEqualTo("w1").isEqualTo(c.lease().owner());
            assertThat(t.leaseToken())
                    .isEqualTo(c.lease().token())
                    .isEqualTo(first.getFirst().lease().token());
            assertThat(t.leaseExpiresAt())
                    .isEqualTo(now().plus(LEASE))
                    .isEqualTo(c.lease().expiresAt());
            assertThat(t.startedAt()).isEqualTo(now());
            assertThat(t.version()).isEqualTo(1);
        }
        List<Claimed> second = claim("w2", 10);
        assertThat(second).extracting(c -> c.task().id()).containsExactly(low);
        assertThat(second.getFirst().lease().token())
                .isNotEqualTo(first.getFirst().lease().token());
        assertThat(claim("w3", 10)).isEmpty();
    }

    @Test
    void claimRefusesBadArguments() {
        submit(task("ready"));
        assertThatThrownBy(() -> db.queue().claim(" ", 1, LEASE)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> db.queue().claim(null, 1, LEASE)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> db.queue().claim("w", 0, LEASE)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> db.queue().claim("w", 1_001, LEASE)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> db.queue().claim("w", 1, Duration.ZERO)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> db.queue().claim("w", 1, null)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> db.queue().claim("w", 1, TaskQueue.MAX_LEASE.plusNanos(1000)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> db.queue().claim("w", 1, Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(InvalidInput.class);
        List<Claimed> claimed = db.queue().claim("w", 1, TaskQueue.MAX_LEASE);
        assertThat(claimed).hasSize(1);
        assertThatThrownBy(() -> db.queue().heartbeat(claimed.getFirst().lease(), Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void completeStoresTheResultRevokesTheLeaseAndPromotesTheDependent() {
        TaskId a = submit(task("a"));
        TaskId b = submit(task("b").dependsOn(a));
        Claimed c = claimOnly(a);
        clock.advance(Duration.ofSeconds(3));
        db.queue().complete(c.lease(), Json.of("{\"ok\": true}"));

        Task done = stored(a);
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.resultData()).isEqualTo(Json.of("{\"ok\": true}"));
        assertThat(done.completedAt()).isEqualTo(now());
        assertThat(done.leaseOwner()).isNull();
        assertThat(done.leaseToken()).isNull();
        assertThat(done.leaseExpiresAt()).isNull();
        assertThat(done.version()).isEqualTo(2);
        assertThat(stored(b).status()).isEqualTo(TaskStatus.READY);
        assertThat(stored(b).version()).isEqualTo(1);
        Claimed next = claimOnly(b);
        db.queue().complete(next.lease(), null);
        assertThat(stored(b).resultData()).isNull();
    }

    @Test
    void parallelDependencyTypeStillWaitsForEveryDependency() {
        TaskId a = submit(task("a"));
        clock.advance(Duration.ofMillis(1));
        TaskId b = submit(task("b"));
        TaskId p = submit(task("p").dependencyType(DependencyType.PARALLEL).dependsOn(a, b));
        db.queue().complete(claimOnly(a).lease(), null);
        assertThat(stored(p).status()).isEqualTo(TaskStatus.PENDING);
        db.queue().complete(claimOnly(b).lease(), null);
        assertThat(stored(p).status()).isEqualTo(TaskStatus.READY);
    }

    @Test
    void promotionRecomputesTheCalculatedPriority() {
        TaskId a = submit(task("a"));
        TaskId x = submit(task("x").dependsOn(a).deadline(now().plusHours(100)));
        assertThat(stored(x).calculatedPriority()).isEqualTo(5.5);
        clock.advance(Duration.ofHours(64));
        db.queue().complete(claimOnly(a).lease(), null);
        // 36 of the 72 urgency hours left: + 10 * (1 - 36 / 72)
        assertThat(stored(x).calculatedPriority()).isEqualTo(10.5);
    }

    @Test
    void onlyTheCurrentUnexpiredLeaseFinishesATask() {
        TaskId a = submit(task("a"));
        Claimed c = claimOnly(a);
        Lease lease = c.lease();
        Lease otherToken = new Lease(a, lease.owner(), UUID.randomUUID(), lease.expiresAt());
        Lease otherOwner = new Lease(a, "intruder", lease.token(), lease.expiresAt());
        assertThatThrownBy(() -> db.queue().complete(otherToken, null)).isInstanceOf(LeaseLost.class);
        assertThatThrownBy(() -> db.queue().fail(otherOwner, "no")).isInstanceOf(LeaseLost.class);
        assertThat(stored(a).status()).isEqualTo(TaskStatus.RUNNING);
        assertThatThrownBy(() -> db.queue()
                        .complete(
                                new Lease(TaskId.of(UUID.randomUUID()), "w", UUID.randomUUID(), lease.expiresAt()),
                                null))
                .isInstanceOf(NotFound.class);

        clock.advance(LEASE);
        assertThatThrownBy(() -> db.queue().complete(lease, null))
                .isInstanceOfSatisfying(
                        LeaseLost.class, e -> assertThat(e.taskId()).isEqualTo(a.toString()))
                .hasMessageContaining("expired");
        assertThat(stored(a).status()).isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    void aFinishedLeaseCannotFinishTheTaskAgain() {
        TaskId a = submit(task("a"));
        Lease lease = claimOnly(a).lease();
        db.queue().complete(lease, null);
        assertThatThrownBy(() -> db.queue().complete(lease, null))
                .isInstanceOf(LeaseLost.class)
                .hasMessageContaining("completed");
        assertThatThrownBy(() -> db.queue().heartbeat(lease, LEASE)).isInstanceOf(LeaseLost.class);
    }

    @Test
    void completeAllFinishesAllLeasesOrNone() {
        for (int i = 0; i < 3; i++) {
            submit(task("t" + i));
        }
        List<Claimed> claimed = claim("w", 3);
        db.queue().complete(claimed.get(1).lease(), null);
        List<Completion> all = claimed.stream()
                .map(c -> new Completion(c.lease(), Json.of("1")))
                .toList();
        assertThatThrownBy(() -> db.queue().completeAll(all))
                .isInstanceOfSatisfying(
                        LeaseLost.class,
                        e -> assertThat(e.taskId())
                                .isEqualTo(claimed.get(1).task().id().toString()));
        assertThat(stored(claimed.get(0).task().id()).status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(stored(claimed.get(2).task().id()).status()).isEqualTo(TaskStatus.RUNNING);

        db.queue().completeAll(List.of(all.get(0), all.get(2)));
        assertThat(claimed)
                .allSatisfy(c -> assertThat(stored(c.task().id()).status()).isEqualTo(TaskStatus.COMPLETED));
        assertThatThrownBy(() -> db.queue().completeAll(List.of(all.get(0), all.get(0))))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void failRetriesAfterExponentialBackOffThenFailsForGood() {
        TaskId a = submit(task("flaky").maxRetries(2));
        db.queue().fail(claimOnly(a).lease(), "first");
        Task once = stored(a);
        assertThat(once.status()).isEqualTo(TaskStatus.READY);
        assertThat(once.retryCount()).isEqualTo(1);
        assertThat(once.errorMessage()).isEqualTo("first");
        assertThat(once.runAfter()).isEqualTo(now().plusSeconds(5));
        assertThat(once.leaseToken()).isNull();

        clock.advance(Duration.ofMillis(4_999));
        assertThat(claim("w", 1)).isEmpty();
        clock.advance(Duration.ofMillis(1));
        Claimed again = claimOnly(a);
        assertThat(again.task()).as("a task claimed again, as stored").isEqualTo(stored(a));
        assertThat(again.task().errorMessage()).isEqualTo("first");
        db.queue().fail(again.lease(), "second");
        assertThat(stored(a).retryCount()).isEqualTo(2);
        assertThat(stored(a).runAfter()).isEqualTo(now().plusSeconds(10));

        clock.advance(Duration.ofSeconds(10));
        db.queue().failAll(List.of(new Failure(claimOnly(a).lease(), "third")));
        Task failed = stored(a);
        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.retryCount()).isEqualTo(2);
        assertThat(failed.errorMessage()).isEqualTo("third");
        assertThat(failed.completedAt()).isEqualTo(now());
        assertThat(claim("w", 1)).isEmpty();
    }

    @Test
    void backOffDoublesUpToItsCap() {
        QueueSettings settings = QueueSettings.defaults();
        assertThat(List.of(1, 2, 3, 4, 7, 8, 1_000).stream()
                        .map(settings::backoff)
                        .toList())
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(40),
                        Duration.ofSeconds(320),
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(10));
        assertThatThrownBy(() -> settings.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void aTaskThatFailedForGoodBlocksEverythingDownstreamUntilRetried() {
        TaskId a = submit(task("a").maxRetries(0));
        clock.advance(Duration.ofMillis(1));
        TaskId x = submit(task("x").maxRetries(0));
        TaskId b = submit(task("b").dependsOn(a));
        TaskId c = submit(task("c").dependsOn(b));
        TaskId d = submit(task("d").dependsOn(a, x));

        db.queue().fail(claimOnly(a).lease(), "a broke");
        db.queue().fail(claimOnly(x).lease(), "x broke");
        assertThat(List.of(b, c, d))
                .allSatisfy(t -> assertThat(stored(t).status()).isEqualTo(TaskStatus.BLOCKED));

        Task retried = db.queue().retry(a);
        assertThat(retried.status()).isEqualTo(TaskStatus.READY);
        assertThat(retried.retryCount()).isZero();
        assertThat(stored(b).status()).isEqualTo(TaskStatus.PENDING);
        assertThat(stored(c).status()).isEqualTo(TaskStatus.PENDING);
        assertThat(stored(d).status()).isEqualTo(TaskStatus.BLOCKED);
        db.queue().retry(x);
        assertThat(stored(d).status()).isEqualTo(TaskStatus.PENDING);
    }

    @Test
    void retryIsOnlyForFailedTasks() {
        TaskId a = submit(task("a"));
        assertThatThrownBy(() -> db.queue().retry(a))
                .isInstanceOfSatisfying(
                        IllegalTransition.class, e -> assertThat(e.from()).isEqualTo("ready"));
        assertThatThrownBy(() -> db.queue().retry(TaskId.of(UUID.randomUUID()))).isInstanceOf(NotFound.class);
    }

    @Test
    void heartbeatExtendsTheLease() {
        TaskId a = submit(task("a"));
        Lease lease = claimOnly(a).lease();
        clock.advance(Duration.ofSeconds(50));
        Lease extended = db.queue().heartbeat(lease, LEASE);
        assertThat(extended.token()).isEqualTo(lease.token());
        assertThat(extended.expiresAt())
                .isEqualTo(now().plus(LEASE))
                .isEqualTo(stored(a).leaseExpiresAt());
        clock.advance(Duration.ofSeconds(50));
        assertThat(db.queue().reclaimExpired()).isZero();
        db.queue().complete(lease, null);
        assertThat(stored(a).status()).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void anExpiredLeaseCannotBeExtended() {
        TaskId a = submit(task("a"));
        Lease lease = claimOnly(a).lease();
        clock.advance(LEASE.plusMillis(1));
        assertThatThrownBy(() -> db.queue().heartbeat(lease, LEASE)).isInstanceOf(LeaseLost.class);
    }

    @Test
    void aWorkerThatNeverFinishesLosesItsTasksToTheNextClaimer() {
        TaskId a = submit(task("a"));
        clock.advance(Duration.ofMillis(1));
        TaskId b = submit(task("b"));
        List<Lease> stale = claim("stale", 2).stream().map(Claimed::lease).toList();

        clock.advance(LEASE.plusSeconds(1));
        assertThat(claim("rescuer", 2)).isEmpty(); // reclaimed, but backing off
        Task reclaimed = stored(a);
        assertThat(reclaimed.status()).isEqualTo(TaskStatus.READY);
        assertThat(reclaimed.retryCount()).isEqualTo(1);
        assertThat(reclaimed.errorMessage()).contains("lease of stale expired");
        clock.advance(Duration.ofSeconds(5));
        List<Claimed> rescued = claim("rescuer", 2);
        assertThat(rescued).extracting(c -> c.task().id()).containsExactly(a, b);
        db.queue()
                .completeAll(rescued.stream()
                        .map(c -> new Completion(c.lease(), null))
                        .toList());

        assertThatThrownBy(() -> db.queue().complete(stale.get(0), null)).isInstanceOf(LeaseLost.class);
        assertThatThrownBy(() -> db.queue().fail(stale.get(1), "late")).isInstanceOf(LeaseLost.class);
        assertThat(stored(a).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(stored(b).leaseOwner()).isNull();
    }

    @Test
    void aForgedLeaseIsNotTheCurrentOneAndNobodyIsSaidToHaveClaimedTheTaskAgain() {
        TaskId a = submit(task("a"));
        Lease lease = claimOnly(a).lease();
        Lease forgedToken = new Lease(a, "forger", UUID.randomUUID(), lease.expiresAt());
        Lease forgedTokenOwnerCopied = new Lease(a, lease.owner(), UUID.randomUUID(), lease.expiresAt());
        Lease tokenWithForgedOwner = new Lease(a, "forger", lease.token(), lease.expiresAt());
        for (Lease forged : List.of(forgedToken, forgedTokenOwnerCopied, tokenWithForgedOwner)) {
            assertThatThrownBy(() -> db.queue().complete(forged, null))
                    .isInstanceOfSatisfying(
                            LeaseLost.class,
                            e -> assertThat(e.getMessage())
                                    .contains("the lease presented is not the task's current lease")
                                    .contains("held by " + lease.owner())
                                    .doesNotContain("claimed again", "expired", "forger"));
        }
        db.queue().complete(lease, null);
        assertThat(stored(a).status()).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void aStaleHolderLosesToTheWorkerHoldingTheNewLease() {
        TaskId a = submit(task("a"));
        Lease stale = claimOnly(a).lease();
        clock.advance(LEASE);
        assertThat(db.queue().reclaimExpired()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(5));
        Lease current = claimOnly(a).lease();
        assertThatThrownBy(() -> db.queue().complete(stale, null))
                .isInstanceOf(LeaseLost.class)
                .hasMessageContaining("not the task's current lease")
                .hasMessageContaining("held by " + current.owner());
        db.queue().complete(current, null);
    }

    @Test
    void reclaimingALeaseWithoutRetriesLeftFailsTheTask() {
        TaskId once = submit(task("once").maxRetries(0));
        TaskId after = submit(task("after").dependsOn(once));
        claimOnly(once);
        clock.advance(LEASE);
        assertThat(db.queue().reclaimExpired()).isEqualTo(1);
        assertThat(stored(once).status()).isEqualTo(TaskStatus.FAILED);
        assertThat(stored(once).retryCount()).isZero();
        assertThat(stored(after).status()).isEqualTo(TaskStatus.BLOCKED);
        assertThat(db.queue().reclaimExpired()).isZero();
    }

    @Test
    void cancelCascadesToEveryTransitiveDependent() {
        TaskId a = submit(task("a"));
        TaskId b = submit(task("b").dependsOn(a));
        TaskId c = submit(task("c").dependsOn(b));
        TaskId d = submit(task("d").dependsOn(a));
        TaskId other = submit(task("other"));
        clock.advance(Duration.ofMillis(1));
        Lease lease = claim("w", 10).stream()
                .filter(x -> x.task().id().equals(a))
                .findFirst()
                .orElseThrow()
                .lease();

        List<TaskId> cancelled = db.queue().cancel(a);
        assertThat(cancelled.getFirst()).isEqualTo(a);
        assertThat(cancelled).containsExactlyInAnyOrder(a, b, c, d);
        assertThat(cancelled.indexOf(c)).isGreaterThan(cancelled.indexOf(b));
        assertThat(cancelled).allSatisfy(t -> {
            assertThat(stored(t).status()).isEqualTo(TaskStatus.CANCELLED);
            assertThat(stored(t).completedAt()).isEqualTo(now());
        });
        assertThat(stored(other).status()).isNotEqualTo(TaskStatus.CANCELLED);
        assertThatThrownBy(() -> db.queue().complete(lease, null)).isInstanceOf(LeaseLost.class);
        assertThat(db.queue().cancel(a)).isEmpty();
    }

    @Test
    void completedTasksCannotBeCancelled() {
        TaskId a = submit(task("a"));
        db.queue().complete(claimOnly(a).lease(), null);
        assertThatThrownBy(() -> db.queue().cancel(a))
                .isInstanceOfSatisfying(
                        IllegalTransition.class, e -> assertThat(e.from()).isEqualTo("completed"));
        assertThatThrownBy(() -> db.queue().cancel(TaskId.of(UUID.randomUUID())))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void claimsReclaimExpiredLeasesAtMostOncePerReclaimInterval() {
        try (var store =
                openMigrated(b -> b.queue(QueueSettings.defaults().withReclaimInterval(Duration.ofMinutes(10))))) {
            TaskId a = store.tasks().submit(task("a").build());
            assertThat(store.queue().claim("w1", 1, LEASE)).hasSize(1);
            clock.advance(LEASE.plusSeconds(1));
            assertThat(store.queue().claim("w2", 1, LEASE)).isEmpty();
            assertThat(store.tasks().require(a).status())
                    .as("not reclaimed within the interval")
                    .isEqualTo(TaskStatus.RUNNING);
            clock.advance(Duration.ofMinutes(10));
            assertThat(store.queue().claim("w2", 1, LEASE)).isEmpty(); // reclaimed, but backing off
            assertThat(store.tasks().require(a).retryCount()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(5));
            assertThat(store.queue().claim("w2", 1, LEASE))
                    .extracting(c -> c.task().id())
                    .containsExactly(a);
        }
        try (var store = openMigrated(b -> b.queue(QueueSettings.defaults().withReclaimInterval(Duration.ZERO)))) {
            TaskId a = store.tasks().submit(task("a").build());
            store.queue().claim("w1", 1, LEASE);
            clock.advance(LEASE);
            assertThat(store.queue().claim("w2", 1, LEASE)).isEmpty();
            assertThat(store.tasks().require(a).status())
                    .as("reclaimed by the next claim")
                    .isEqualTo(TaskStatus.READY);
        }
        assertThatThrownBy(() -> QueueSettings.defaults().withReclaimInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void claimsInsideTransactionsShareTheStoresReclaimInterval() {
        try (var store =
                openMigrated(b -> b.queue(QueueSettings.defaults().withReclaimInterval(Duration.ofMinutes(10))))) {
            TaskId a = store.tasks().submit(task("a").build());
            assertThat(claimInTransaction(store, "w1")).hasSize(1);
            clock.advance(LEASE.plusSeconds(1));
            assertThat(claimInTransaction(store, "w2")).isEmpty();
            assertThat(store.tasks().require(a).status())
                    .as("not reclaimed within the interval by a transaction")
                    .isEqualTo(TaskStatus.RUNNING);
            assertThat(store.queue().claim("w2", 1, LEASE)).isEmpty();
            assertThat(store.tasks().require(a).status())
                    .as("not reclaimed within the interval by the store's queue")
                    .isEqualTo(TaskStatus.RUNNING);
            clock.advance(Duration.ofMinutes(10));
            assertThat(claimInTransaction(store, "w2")).isEmpty(); // backing off
            assertThat(store.tasks().require(a).retryCount())
                    .as("reclaimed once the interval passed")
                    .isEqualTo(1);
            assertThat(store.tasks().require(a).status()).isEqualTo(TaskStatus.READY);
            clock.advance(Duration.ofSeconds(5));
            assertThat(claimInTransaction(store, "w2"))
                    .extracting(c -> c.task().id())
                    .containsExactly(a);
        }
    }

    private static List<Claimed> claimInTransaction(Stratum store, String worker) {
        return store.transactionResult(tx -> tx.queue().claim(worker, 1, LEASE));
    }

    @Test
    void withTheCancelPolicyAFailureCancelsItsDependents() {
        try (var store = openMigrated(
                b -> b.queue(QueueSettings.defaults().withDependentsOnFailure(DependentsOnFailure.CANCEL)))) {
            TaskId a = store.tasks().submit(task("a").maxRetries(0).build());
            TaskId b = store.tasks().submit(task("b").dependsOn(a).build());
            TaskId c = store.tasks().submit(task("c").dependsOn(b).build());
            store.queue().fail(store.queue().claim("w", 1, LEASE).getFirst().lease(), "broken");
            assertThat(store.tasks().require(a).status()).isEqualTo(TaskStatus.FAILED);
            assertThat(store.tasks().require(b).status()).isEqualTo(TaskStatus.CANCELLED);
            assertThat(store.tasks().require(c).status()).isEqualTo(TaskStatus.CANCELLED);
        }
    }

    @Test
    void everyMoveOfTheQueueIsAuditedAsItsWorker() {
        TaskId a = submit(task("a"));
        TaskId b = submit(task("b").dependsOn(a));
        db.queue().complete(claimOnly(a).lease(), null);
        List<AuditEntry> rowsOfA = db.audit()
                .query(
                        AuditQuery.builder()
                                .entity(AuditActions.TASK, a.toString())
                                .build(),
                        PageRequest.first())
                .items();
        assertThat(rowsOfA).extracting(AuditEntry::actor).containsOnly("worker");
        assertThat(rowsOfA)
                .extracting(e -> e.after().text())
                .containsExactlyInAnyOrder(
                        "{\"status\": \"running\", \"version\": 1}", "{\"status\": \"completed\", \"version\": 2}");
        List<AuditEntry> rowsOfB = db.audit()
                .query(
                        AuditQuery.builder()
                                .entity(AuditActions.TASK, b.toString())
                                .build(),
                        PageRequest.first())
                .items();
        assertThat(rowsOfB).singleElement().satisfies(e -> {
            assertThat(e.before().text()).isEqualTo("{\"status\": \"pending\", \"version\": 0}");
            assertThat(e.after().text()).isEqualTo("{\"status\": \"ready\", \"version\": 1}");
        });
    }

    @Test
    void queueCallsJoinAnEnclosingTransaction() {
        TaskId a = submit(task("a"));
        assertThatThrownBy(() -> db.transaction(tx -> {
                    Claimed c = tx.queue().claim("w", 1, LEASE).getFirst();
                    tx.queue().complete(c.lease(), null);
                    throw new IllegalStateException("changed my mind");
                }))
                .hasMessage("changed my mind");
        assertThat(stored(a).status()).isEqualTo(TaskStatus.READY);

        db.transaction(tx -> {
            tx.queue().complete(tx.queue().claim("w", 1, LEASE).getFirst().lease(), Json.of("1"));
            tx.memory().put("results", a.toString(), Json.of("1"));
        });
        assertThat(stored(a).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(db.memory().get("results", a.toString())).isPresent();
    }
}
