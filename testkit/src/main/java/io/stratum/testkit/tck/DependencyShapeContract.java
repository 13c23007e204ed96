package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.queue.Claimed;
import io.stratum.queue.Completion;
import io.stratum.task.NewTask;
import io.stratum.task.Task;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Promotion, blocking and cancellation through diamonds, a chain 100 deep and a fan-out to 10,000 tasks. */
public abstract class DependencyShapeContract extends ContractSupport {
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int FAN_OUT = 10_000;

    private static NewTask.Builder task(String summary) {
        return NewTask.builder(summary, "coder");
    }

    private List<Claimed> claim(int max) {
        return db.queue().claim("shape-worker", max, LEASE);
    }

    private void completeAll(List<Claimed> claimed) {
        db.queue()
                .completeAll(claimed.stream()
                        .map(c -> new Completion(c.lease(), null))
                        .toList());
    }

    private TaskStatus status(TaskId id) {
        return db.tasks().require(id).status();
    }

    private long count(TaskStatus status) {
        return db.tasks().count(TaskFilters.builder().status(status).build());
    }

    @Test
    void diamondJoinsOnlyWhenBothBranchesComplete() {
        TaskId top = TaskId.generate();
        TaskId left = TaskId.generate();
        TaskId right = TaskId.generate();
        TaskId bottom = TaskId.generate();
        db.tasks()
                .submitAll(List.of(
                        task("top").id(top).build(),
                        task("left").id(left).dependsOn(top).build(),
                        task("right").id(right).dependsOn(top).build(),
                        task("bottom").id(bottom).dependsOn(left, right).build()));
        assertThat(db.tasks().require(bottom).dependencyDepth()).isEqualTo(2);

        completeAll(claim(10));
        assertThat(List.of(left, right)).allSatisfy(t -> assertThat(status(t)).isEqualTo(TaskStatus.READY));
        List<Claimed> branches = claim(10);
        assertThat(branches).extracting(c -> c.task().id()).containsExactlyInAnyOrder(left, right);
        completeAll(branches.subList(0, 1));
        assertThat(status(bottom)).isEqualTo(TaskStatus.PENDING);
        completeAll(branches.subList(1, 2));
        assertThat(status(bottom)).isEqualTo(TaskStatus.READY);
        assertThat(claim(10)).extracting(c -> c.task().id()).containsExactly(bottom);
    }

    @Test
    void stackedDiamondsCompleteInDependencyOrder() {
        List<NewTask> batch = new ArrayList<>();
        TaskId join = TaskId.generate();
        batch.add(task("root").id(join).build());
        for (int level = 0; level < 5; level++) {
            TaskId a = TaskId.generate();
            TaskId b = TaskId.generate();
            TaskId next = TaskId.generate();
            batch.add(task("a" + level).id(a).dependsOn(join).build());
            batch.add(task("b" + level).id(b).dependsOn(join).build());
            batch.add(task("join" + level).id(next).dependsOn(a, b).build());
            join = next;
        }
        db.tasks().submitAll(batch);
        List<Integer> wave = new ArrayList<>();
        for (List<Claimed> claimed = claim(10); !claimed.isEmpty(); claimed = claim(10)) {
            wave.add(claimed.size());
            completeAll(claimed);
        }
        assertThat(wave).containsExactly(1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1);
        assertThat(count(TaskStatus.COMPLETED)).isEqualTo(batch.size());
        assertThat(db.tasks().require(join).dependencyDepth()).isEqualTo(10);
    }

    @Test
    void chainOneHundredDeepRunsOneLinkAtATime() {
        List<TaskId> ids =
                IntStream.range(0, 100).mapToObj(i -> TaskId.generate()).toList();
        List<NewTask> chain = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            NewTask.Builder link = task("link " + i).id(ids.get(i));
            chain.add((i == 0 ? link : link.dependsOn(ids.get(i - 1))).build());
        }
        db.tasks().submitAll(chain);
        Task last = db.tasks().require(ids.get(99));
        assertThat(last.dependencyDepth()).isEqualTo(99);
        assertThat(last.calculatedPriority()).isEqualTo(NewTask.DEFAULT_PRIORITY + 5.0);

        for (TaskId expected : ids) {
            List<Claimed> claimed = claim(10);
            assertThat(claimed).extracting(c -> c.task().id()).containsExactly(expected);
            completeAll(claimed);
        }
        assertThat(claim(10)).isEmpty();
        assertThat(count(TaskStatus.COMPLETED)).isEqualTo(100);
    }

    @Test
    void cancellingTheHeadOfAChainCancelsAllOfIt() {
        List<TaskId> ids =
                IntStream.range(0, 100).mapToObj(i -> TaskId.generate()).toList();
        List<NewTask> chain = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            NewTask.Builder link = task("link " + i).id(ids.get(i));
            chain.add((i == 0 ? link : link.dependsOn(ids.get(i - 1))).build());
        }
        db.tasks().submitAll(chain);
        assertThat(db.queue().cancel(ids.getFirst())).containsExactlyElementsOf(ids);
        assertThat(count(TaskStatus.CANCELLED)).isEqualTo(100);
    }

    @Test
    void fanOutToTenThousandAndBackIn() {
        TaskId root = TaskId.generate();
        List<TaskId> middle =
                IntStream.range(0, FAN_OUT).mapToObj(i -> TaskId.generate()).toList();
        List<NewTask> batch = new ArrayList<>();
        batch.add(task("root").id(root).priority(10).build());
        middle.forEach(id -> batch.add(task("leaf").id(id).dependsOn(root).build()));
        db.tasks().submitAll(batch);
        TaskId fanIn = db.tasks().submit(task("fan-in").dependsOn(middle).build());
        assertThat(count(TaskStatus.PENDING)).isEqualTo(FAN_OUT + 1);

        completeAll(claim(1));
        assertThat(count(TaskStatus.READY)).isEqualTo(FAN_OUT);
        for (int done = 0; done < FAN_OUT; done += 1_000) {
            assertThat(status(fanIn)).isEqualTo(TaskStatus.PENDING);
            List<Claimed> claimed = claim(1_000);
            assertThat(claimed).hasSize(1_000);
            completeAll(claimed);
        }
        assertThat(status(fanIn)).isEqualTo(TaskStatus.READY);
        assertThat(db.tasks().require(fanIn).dependencyDepth()).isEqualTo(2);
    }

    @Test
    void failingTheRootOfAFanOutBlocksAllOfItAndRetryReleasesIt() {
        TaskId root = TaskId.generate();
        List<NewTask> batch = new ArrayList<>();
        batch.add(task("root").id(root).maxRetries(0).build());
        IntStream.range(0, FAN_OUT)
                .forEach(i -> batch.add(task("leaf").dependsOn(root).build()));
        db.tasks().submitAll(batch);

        db.queue().fail(claim(1).getFirst().lease(), "root broke");
        assertThat(count(TaskStatus.BLOCKED)).isEqualTo(FAN_OUT);
        db.queue().retry(root);
        assertThat(count(TaskStatus.PENDING)).isEqualTo(FAN_OUT);
        assertThat(db.queue().cancel(root)).hasSize(FAN_OUT + 1);
        assertThat(count(TaskStatus.CANCELLED)).isEqualTo(FAN_OUT + 1);
    }
}
