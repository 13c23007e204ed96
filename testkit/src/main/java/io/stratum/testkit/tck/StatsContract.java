package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.queue.ActiveCounts;
import io.stratum.queue.Claimed;
import io.stratum.queue.QueueStats;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code stats()} on a seeded store: exact counts by status and agent type, ages, expired leases and the window. */
public abstract class StatsContract extends ContractSupport {
    private static final Duration LEASE = Duration.ofSeconds(30);

    private TaskId submit(NewTask.Builder task) {
        return db.tasks().submit(task.build());
    }

    private Claimed claimOnly(TaskId id) {
        List<Claimed> claimed = db.queue().claim("worker", 1, LEASE);
        assertThat(claimed).extracting(c -> c.task().id()).containsExactly(id);
        return claimed.getFirst();
    }

    @Test
    void anEmptyStoreHasNothingToCount() {
        QueueStats stats = db.queue().stats();

        assertThat(stats.at()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(stats.active()).isEqualTo(ActiveCounts.NONE);
        assertThat(stats.readyDue()).isZero();
        assertThat(stats.readyDelayed()).isZero();
        assertThat(stats.oldestReadyAge()).isEqualTo(Duration.ZERO);
        assertThat(stats.expiredLeases()).isZero();
        assertThat(stats.failed()).isZero();
        assertThat(stats.window()).isEqualTo(QueueStats.WINDOW);
        assertThat(stats.completedInWindow()).isZero();
        assertThat(stats.failedInWindow()).isZero();
        assertThat(stats.cancelledInWindow()).isZero();
        assertThat(stats.byAgentType()).isEmpty();
        assertThat(stats.runningByWorker()).isEmpty();
    }

    @Test
    void countsEveryStatusAgentTypeAgeAndTheLastMinute() {
        Instant start = clock.instant();
        db.queue()
                .complete(
                        claimOnly(submit(NewTask.builder("long ago", "coder"))).lease(), null);
        clock.advance(Duration.ofMinutes(2));

        TaskId failing = submit(NewTask.builder("fails for good", "coder").maxRetries(0));
        submit(NewTask.builder("blocked by it", "coder").dependsOn(failing));
        db.queue().fail(claimOnly(failing).lease(), "boom");
        db.queue().complete(claimOnly(submit(NewTask.builder("done", "coder"))).lease(), null);
        db.queue().cancel(submit(NewTask.builder("cancelled", "tester")));
        TaskId leased = submit(NewTask.builder("its worker died", "reviewer"));
        claimOnly(leased);
        submit(NewTask.builder("waits for the leased one", "tester").dependsOn(leased));
        submit(NewTask.builder("later", "coder").runAfter(start.plus(Duration.ofMinutes(10))));

        clock.advance(Duration.ofSeconds(10));
        submit(NewTask.builder("oldest ready", "coder"));
        clock.advance(Duration.ofSeconds(5));
        TaskId retried = submit(NewTask.builder("retried", "reviewer").priority(9));
        submit(NewTask.builder("ready", "tester"));
        db.queue().fail(claimOnly(retried).lease(), "once");
        clock.advance(Duration.ofSeconds(20));

        QueueStats stats = db.queue().stats();

        assertThat(stats.active()).isEqualTo(new ActiveCounts(1, 1, 4, 1));
        assertThat(stats.byAgentType())
                .containsExactly(
                        java.util.Map.entry("coder", new ActiveCounts(0, 1, 2, 0)),
                        java.util.Map.entry("reviewer", new ActiveCounts(0, 0, 1, 1)),
                        java.util.Map.entry("tester", new ActiveCounts(1, 0, 1, 0)));
        assertThat(stats.agentType("nobody")).isEqualTo(ActiveCounts.NONE);
        assertThat(stats.readyDue())
                .as("oldest ready, ready and retried (its 5 s back-off is over)")
                .isEqualTo(3);
        assertThat(stats.readyDelayed()).as("later").isEqualTo(1);
        assertThat(stats.oldestReadyAge()).isEqualTo(Duration.ofSeconds(25));
        assertThat(stats.expiredLeases()).isEqualTo(1);
        assertThat(stats.runningByWorker()).containsExactly(java.util.Map.entry("worker", 1L));
        assertThat(stats.failed()).isEqualTo(1);
        assertThat(stats.completedInWindow())
                .as("long ago is outside the window")
                .isEqualTo(1);
        assertThat(stats.failedInWindow()).as("a retried attempt is no failure").isEqualTo(1);
        assertThat(stats.cancelledInWindow()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(30));
        QueueStats later = db.queue().stats();
        assertThat(later.completedInWindow()).isZero();
        assertThat(later.failedInWindow()).isZero();
        assertThat(later.cancelledInWindow()).isZero();
        assertThat(later.failed()).isEqualTo(1);
        assertThat(later.oldestReadyAge()).isEqualTo(Duration.ofSeconds(55));
    }

    @Test
    void theOldestClaimableTaskIsAgedFromWhenItBecameClaimable() {
        TaskId first = submit(NewTask.builder("first", "coder"));
        TaskId dependent = submit(NewTask.builder("dependent", "coder").dependsOn(first));
        clock.advance(Duration.ofSeconds(40));
        db.queue().complete(claimOnly(first).lease(), null);
        clock.advance(Duration.ofSeconds(3));

        QueueStats stats = db.queue().stats();

        assertThat(db.tasks().require(dependent).status()).isEqualTo(TaskStatus.READY);
        assertThat(stats.oldestReadyAge())
                .as("promoted 3 s ago, submitted 43 s ago")
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(stats.readyDue()).isEqualTo(1);
    }
}
