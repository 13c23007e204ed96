package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.InvalidInput;
import io.stratum.queue.Claimed;
import io.stratum.queue.Lease;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Tasks submitted with a {@code runAfter}: ready, but neither claimed nor listed as ready before their time. */
public abstract class DelayedTaskContract extends ContractSupport {
    private static final Duration LEASE = Duration.ofMinutes(1);

    private List<TaskId> claim() {
        return db.queue().claim("worker", 10, LEASE).stream()
                .map(c -> c.task().id())
                .toList();
    }

    private Instant in(Duration delay) {
        return clock.instant().plus(delay).truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void aDelayedTaskIsClaimedAtItsTimeAndNotBefore() {
        Instant due = in(Duration.ofMinutes(5));
        TaskId later = db.tasks()
                .submit(NewTask.builder("later", "coder").runAfter(due).build());

        assertThat(db.tasks().require(later).status()).isEqualTo(TaskStatus.READY);
        assertThat(db.tasks().require(later).runAfter().toInstant()).isEqualTo(due);
        assertThat(claim()).isEmpty();
        assertThat(db.tasks().getReadyTasks(10)).isEmpty();
        assertThat(db.queue().stats().readyDelayed()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(5).minusNanos(1_000));
        assertThat(claim()).as("a microsecond early").isEmpty();
        clock.advance(Duration.ofNanos(1_000));
        assertThat(db.tasks().getReadyTasks(10)).extracting(t -> t.id()).containsExactly(later);
        assertThat(claim()).containsExactly(later);
    }

    @Test
    void aPromotedTaskKeepsItsLaterRunAfter() {
        TaskId first = db.tasks().submit(NewTask.builder("first", "coder").build());
        Instant due = in(Duration.ofMinutes(10));
        TaskId dependent = db.tasks()
                .submit(NewTask.builder("dependent", "coder")
                        .dependsOn(first)
                        .runAfter(due)
                        .build());
        clock.advance(Duration.ofMinutes(1));
        List<Claimed> claimed = db.queue().claim("worker", 10, LEASE);
        assertThat(claimed).extracting(c -> c.task().id()).containsExactly(first);
        db.queue().complete(claimed.getFirst().lease(), null);

        assertThat(db.tasks().require(dependent).status()).isEqualTo(TaskStatus.READY);
        assertThat(db.tasks().require(dependent).runAfter().toInstant()).isEqualTo(due);
        assertThat(claim()).isEmpty();
        clock.advance(Duration.ofMinutes(9));
        assertThat(claim()).containsExactly(dependent);
    }

    @Test
    void aPromotedTaskWhoseTimeHasPassedIsClaimableAtOnce() {
        TaskId first = db.tasks().submit(NewTask.builder("first", "coder").build());
        TaskId dependent = db.tasks()
                .submit(NewTask.builder("dependent", "coder")
                        .dependsOn(first)
                        .runAfter(in(Duration.ofSeconds(10)))
                        .build());
        clock.advance(Duration.ofMinutes(1));
        List<Claimed> claimed = db.queue().claim("worker", 10, LEASE);
        db.queue().complete(claimed.getFirst().lease(), null);

        assertThat(db.tasks().require(dependent).runAfter().toInstant()).isEqualTo(in(Duration.ZERO));
        assertThat(claim()).containsExactly(dependent);
    }

    @Test
    void aDependentIsNotClaimedBeforeItsLastDependencyCompletedWhicheverCompletionCommittedLast() {
        TaskId first = db.tasks().submit(NewTask.builder("first", "coder").build());
        TaskId second = db.tasks().submit(NewTask.builder("second", "coder").build());
        TaskId dependent = db.tasks()
                .submit(NewTask.builder("dependent", "coder")
                        .dependsOn(first, second)
                        .build());
        Map<TaskId, Lease> leases = db.queue().claim("worker", 10, Duration.ofHours(1)).stream()
                .collect(Collectors.toMap(c -> c.task().id(), Claimed::lease));
        assertThat(leases).containsOnlyKeys(first, second);

        clock.advance(Duration.ofMinutes(10));
        db.queue().complete(leases.get(second), null);
        Instant secondCompleted = in(Duration.ZERO);
        // The last completion to commit carries the earlier time: a store whose clock is behind, or one that
        // read its clock before waiting for a lock.
        clock.reset();
        clock.advance(Duration.ofMinutes(1));
        db.queue().complete(leases.get(first), null);

        assertThat(db.tasks().require(dependent).status()).isEqualTo(TaskStatus.READY);
        assertThat(db.tasks().require(dependent).runAfter().toInstant()).isEqualTo(secondCompleted);
        assertThat(claim()).isEmpty();
        clock.advance(Duration.ofMinutes(9));
        assertThat(claim()).containsExactly(dependent);
        assertThat(db.tasks().require(dependent).startedAt().toInstant()).isEqualTo(secondCompleted);
    }

    @Test
    void timesAtTheEdgesOfTheJavaRangeAreAcceptedOrRefusedByName() {
        TaskId earliest = db.tasks()
                .submit(NewTask.builder("any time now", "coder")
                        .runAfter(Instant.MIN)
                        .build());
        assertThat(db.tasks().require(earliest).runAfter().toInstant()).isEqualTo(in(Duration.ZERO));
        for (OffsetDateTime deadline :
                List.of(OffsetDateTime.MIN, OffsetDateTime.MAX, OffsetDateTime.parse("0999-12-31T23:59:59Z"))) {
            assertThatThrownBy(() -> db.tasks()
                            .submit(NewTask.builder("deadline " + deadline, "coder")
                                    .deadline(deadline)
                                    .build()))
                    .isInstanceOfSatisfying(
                            InvalidInput.class, e -> assertThat(e.getMessage()).contains("deadline"));
        }
        assertThatThrownBy(() -> db.tasks()
                        .submit(NewTask.builder("never", "coder")
                                .runAfter(Instant.MAX)
                                .build()))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.getMessage()).contains("runAfter"));
        TaskId edge = db.tasks()
                .submit(NewTask.builder("edge", "coder")
                        .deadline(OffsetDateTime.parse("1000-01-01T00:00:00Z"))
                        .build());
        assertThat(db.tasks().require(edge).deadline().toInstant()).isEqualTo(Instant.parse("1000-01-01T00:00:00Z"));
        assertThat(db.tasks().count(TaskFilters.builder().build())).isEqualTo(2);
    }

    @Test
    void aRunAfterInThePastMeansNow() {
        TaskId task = db.tasks()
                .submit(NewTask.builder("overdue", "coder")
                        .runAfter(in(Duration.ofDays(-3)))
                        .build());

        assertThat(db.tasks().require(task).runAfter().toInstant()).isEqualTo(in(Duration.ZERO));
        assertThat(claim()).containsExactly(task);
    }

    @Test
    void aRunAfterBeyondWhatEveryBackendStoresIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> db.tasks()
                        .submit(NewTask.builder("too late", "coder")
                                .runAfter(NewTask.RUN_AFTER_LIMIT)
                                .build()))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.getMessage()).contains("runAfter"));
        assertThat(db.tasks().count(TaskFilters.builder().build())).isZero();
    }
}
