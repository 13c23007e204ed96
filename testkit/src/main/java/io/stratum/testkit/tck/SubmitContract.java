package io.stratum.testkit.tck;

import static io.stratum.codegen.jooq.Tables.AUDIT_LOG;
import static io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES;
import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.ConstraintViolation;
import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.PageRequest;
import io.stratum.queue.Claimed;
import io.stratum.session.SessionId;
import io.stratum.task.DependencyType;
import io.stratum.task.NewTask;
import io.stratum.task.Task;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import io.stratum.task.TaskSource;
import io.stratum.task.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Submitting tasks, alone and in batches: dependencies, depth, first status, cycles, idempotency keys. */
public abstract class SubmitContract extends ContractSupport {

    private static NewTask.Builder task(String summary) {
        return NewTask.builder(summary, "coder");
    }

    private Task stored(TaskId id) {
        return db.tasks().require(id);
    }

    private long taskCount() {
        return db.tasks().count(TaskFilters.all());
    }

    @Test
    void batchMembersDependOnEachOtherAndOnStoredTasks() {
        TaskId stored = db.tasks().submit(task("stored").build());
        TaskId a = TaskId.generate();
        TaskId b = TaskId.generate();
        List<TaskId> ids = db.tasks()
                .submitAll(List.of(
                        task("c").dependsOn(a, b).build(),
                        task("a").id(a).build(),
                        task("b").id(b).dependsOn(a, stored).build()));

        TaskId c = ids.getFirst();
        assertThat(ids.subList(1, 3)).containsExactly(a, b);
        assertThat(stored(a).status()).isEqualTo(TaskStatus.READY);
        assertThat(stored(a).dependencyDepth()).isZero();
        assertThat(stored(b).status()).isEqualTo(TaskStatus.PENDING);
        assertThat(stored(b).dependencyDepth()).isEqualTo(1);
        assertThat(stored(b).dependencies()).containsExactlyInAnyOrder(a, stored);
        assertThat(stored(c).dependencyDepth()).isEqualTo(2);
        assertThat(stored(c).dependencies()).containsExactlyInAnyOrder(a, b);
        assertThat(db.dsl().fetchCount(TASK_DEPENDENCIES)).isEqualTo(4);
    }

    @Test
    void depthRaisesCalculatedPriorityUpToTen() {
        List<NewTask> chain = new ArrayList<>();
        TaskId previous = null;
        for (int i = 0; i < 14; i++) {
            TaskId id = TaskId.generate();
            NewTask.Builder b = task("link " + i).id(id).priority(3);
            chain.add((previous == null ? b : b.dependsOn(previous)).build());
            previous = id;
        }
        List<TaskId> ids = db.tasks().submitAll(chain);
        assertThat(stored(ids.get(0)).calculatedPriority()).isEqualTo(3.0);
        assertThat(stored(ids.get(4)).calculatedPriority()).isEqualTo(3.0 + 0.5 * 4);
        assertThat(stored(ids.get(13)).dependencyDepth()).isEqualTo(13);
        assertThat(stored(ids.get(13)).calculatedPriority()).isEqualTo(3.0 + 5.0);
    }

    @Test
    void firstStatusFollowsTheDependencies() {
        TaskId done = db.tasks().submit(task("done").build());
        db.queue().complete(claimOne(done).lease(), null);
        TaskId broken = db.tasks().submit(task("broken").maxRetries(0).build());
        db.queue().fail(claimOne(broken).lease(), "boom");

        assertThat(stored(db.tasks().submit(task("after done").dependsOn(done).build()))
                        .status())
                .isEqualTo(TaskStatus.READY);
        TaskId blocked =
                db.tasks().submit(task("after broken").dependsOn(done, broken).build());
        assertThat(stored(blocked).status()).isEqualTo(TaskStatus.BLOCKED);
        assertThat(stored(db.tasks()
                                .submit(task("after blocked").dependsOn(blocked).build()))
                        .status())
                .isEqualTo(TaskStatus.BLOCKED);
    }

    private Claimed claimOne(TaskId id) {
        List<Claimed> claimed = db.queue().claim("submitter", 1, Duration.ofMinutes(1));
        assertThat(claimed).extracting(c -> c.task().id()).containsExactly(id);
        return claimed.getFirst();
    }

    @Test
    void cycleInABatchIsRefusedAndNothingIsWritten() {
        TaskId a = TaskId.generate();
        TaskId b = TaskId.generate();
        TaskId c = TaskId.generate();
        List<NewTask> batch = List.of(
                task("free").build(),
                task("a").id(a).dependsOn(c).build(),
                task("b").id(b).dependsOn(a).build(),
                task("c").id(c).dependsOn(b).build());
        assertThatThrownBy(() -> db.tasks().submitAll(batch))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("dependsOn"))
                .hasMessageContaining("cycle")
                .hasMessageContaining(a.toString())
                .hasMessageContaining(b.toString());
        assertThat(taskCount()).isZero();
        assertThat(db.dsl().fetchCount(TASK_DEPENDENCIES)).isZero();
    }

    @Test
    void selfDependencyIsRefused() {
        TaskId a = TaskId.generate();
        assertThatThrownBy(() -> db.tasks()
                        .submitAll(List.of(task("me").id(a).dependsOn(a).build())))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("itself");
        assertThat(taskCount()).isZero();
    }

    @Test
    void unknownOrCancelledDependencyAnywhereInTheBatchWritesNothing() {
        TaskId gone = db.tasks().submit(task("gone").build());
        db.queue().cancel(gone);
        long before = taskCount();
        assertThatThrownBy(() -> db.tasks()
                        .submitAll(List.of(
                                task("fine").build(),
                                task("waits")
                                        .dependsOn(TaskId.of(UUID.randomUUID()))
                                        .build())))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("unknown task");
        assertThatThrownBy(() -> db.tasks()
                        .submitAll(List.of(
                                task("fine").build(),
                                task("waits").dependsOn(gone).build())))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("cancelled");
        assertThat(taskCount()).isEqualTo(before);
    }

    @Test
    void idsGivenTwiceOrAlreadyTakenAreRefused() {
        TaskId a = TaskId.generate();
        assertThatThrownBy(() -> db.tasks()
                        .submitAll(List.of(
                                task("one").id(a).build(), task("two").id(a).build())))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("id"));
        db.tasks().submit(task("first").id(a).build());
        assertThatThrownBy(() -> db.tasks().submit(task("again").id(a).build()))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("already exists");
        assertThat(taskCount()).isEqualTo(1);
    }

    @Test
    void emptyBatchStoresNothing() {
        assertThat(db.tasks().submitAll(List.of())).isEmpty();
        assertThatThrownBy(() -> db.tasks().submitAll(Collections.singletonList(null)))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void repeatedKeyInOneBatchStoresOneTaskAndDependentsFollowIt() {
        TaskId first = TaskId.generate();
        TaskId repeat = TaskId.generate();
        List<TaskId> ids = db.tasks()
                .submitAll(List.of(
                        task("first").id(first).idempotencyKey("k").build(),
                        task("repeat").id(repeat).idempotencyKey("k").build(),
                        task("after repeat").dependsOn(repeat).build()));
        assertThat(ids.get(0)).isEqualTo(first);
        assertThat(ids.get(1)).isEqualTo(first);
        assertThat(stored(ids.get(2)).dependencies()).containsExactly(first);
        assertThat(taskCount()).isEqualTo(2);
    }

    @Test
    void storedKeyInALaterBatchReturnsTheStoredTask() {
        TaskId original =
                db.tasks().submit(task("original").idempotencyKey("deploy").build());
        List<TaskId> ids = db.tasks()
                .submitAll(List.of(
                        task("new").build(),
                        task("again").idempotencyKey("deploy").priority(9).build()));
        assertThat(ids.get(1)).isEqualTo(original);
        assertThat(stored(original).priority()).isEqualTo(NewTask.DEFAULT_PRIORITY);
        assertThat(taskCount()).isEqualTo(2);
    }

    @Test
    void concurrentSubmitsOfTheSameKeysStoreEachKeyOnce() throws Exception {
        int threads = 8;
        List<String> keys = IntStream.range(0, 40).mapToObj(i -> "key-" + i).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<TaskId>>> submitters = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<String> order = new ArrayList<>(keys);
                Collections.shuffle(order, new Random(t));
                submitters.add(() -> {
                    List<NewTask> batch = order.stream()
                            .map(k -> task(k).idempotencyKey(k).build())
                            .toList();
                    List<TaskId> ids = db.tasks().submitAll(batch);
                    List<TaskId> byKey = new ArrayList<>(Collections.nCopies(keys.size(), null));
                    for (int i = 0; i < order.size(); i++) {
                        byKey.set(keys.indexOf(order.get(i)), ids.get(i));
                    }
                    return byKey;
                });
            }
            List<List<TaskId>> results = new ArrayList<>();
            for (Future<List<TaskId>> f : pool.invokeAll(submitters)) {
                results.add(f.get());
            }
            assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(results.getFirst()));
        } finally {
            pool.shutdownNow();
        }
        assertThat(taskCount()).isEqualTo(keys.size());
    }

    @Test
    void thousandsOfTasksWithDependenciesGoInOneCall() {
        int size = 5_000;
        List<TaskId> ids =
                IntStream.range(0, size).mapToObj(i -> TaskId.generate()).toList();
        Random random = new Random(42);
        List<NewTask> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            NewTask.Builder b = task("t" + i).id(ids.get(i));
            if (i >= 100) {
                b.dependsOn(ids.get(random.nextInt(i)));
            }
            batch.add(b.build());
        }
        assertThat(db.tasks().submitAll(batch)).isEqualTo(ids);
        assertThat(taskCount()).isEqualTo(size);
        assertThat(db.dsl().fetchCount(TASK_DEPENDENCIES)).isEqualTo(size - 100);
        Set<TaskId> ready = db
                .tasks()
                .list(TaskFilters.builder().status(TaskStatus.READY).build(), PageRequest.first(1_000))
                .items()
                .stream()
                .map(Task::id)
                .collect(Collectors.toSet());
        assertThat(ready).isEqualTo(Set.copyOf(ids.subList(0, 100)));
    }

    /**
     * The rows of a batch go in as multi-row INSERTs naming every column some row of the batch sets, as many rows per
     * statement as the bind values allow: each task still comes back as given, whichever columns it left empty.
     */
    @Test
    void aBatchWhoseTasksSetDifferentFieldsStoresEachAsGiven() {
        int size = 301;
        List<NewTask> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            NewTask.Builder b = task("t" + i);
            switch (i % 4) {
                case 0 -> b.description("described " + i).createdBy("creator " + i);
                case 1 ->
                    b.featureBranch("feature-" + i).taskBranch("task-" + i).worktreePath("/work/" + i);
                case 2 -> b.idempotencyKey("wide-" + i).estimatedDurationSeconds(i);
                default -> b.inputData(Json.of("{\"n\": " + i + "}")).priority(i % 11);
            }
            batch.add(b.build());
        }

        List<TaskId> ids = db.tasks().submitAll(batch);

        assertThat(ids).hasSize(size).doesNotHaveDuplicates();
        for (int i = 0; i < size; i++) {
            Task stored = db.tasks().require(ids.get(i));
            NewTask given = batch.get(i);
            assertThat(stored.summary()).isEqualTo(given.summary());
            assertThat(stored.description()).isEqualTo(given.description());
            assertThat(stored.createdBy()).isEqualTo(given.createdBy());
            assertThat(stored.featureBranch()).isEqualTo(given.featureBranch());
            assertThat(stored.taskBranch()).isEqualTo(given.taskBranch());
            assertThat(stored.worktreePath()).isEqualTo(given.worktreePath());
            assertThat(stored.idempotencyKey()).isEqualTo(given.idempotencyKey());
            assertThat(stored.estimatedDurationSeconds()).isEqualTo(given.estimatedDurationSeconds());
            assertThat(stored.inputData()).isEqualTo(given.inputData());
            assertThat(stored.priority()).isEqualTo(given.priority());
        }
        assertThat(taskCount()).isEqualTo(size);
    }

    @Test
    void aParentMayComeAfterItsChildrenInABatch() {
        TaskId parent = TaskId.generate();
        List<TaskId> ids = db.tasks()
                .submitAll(List.of(
                        task("child")
                                .parentTaskId(parent)
                                .idempotencyKey("a-child")
                                .build(),
                        task("parent").id(parent).build()));
        assertThat(stored(ids.getFirst()).parentTaskId()).isEqualTo(parent);
    }

    @Test
    void anUnknownParentOrSessionInABatchIsNamedAndNothingIsWritten() {
        assertThatThrownBy(() -> db.tasks()
                        .submitAll(List.of(
                                task("fine").build(),
                                task("orphan")
                                        .parentTaskId(TaskId.of(UUID.randomUUID()))
                                        .build())))
                .isInstanceOfSatisfying(
                        ConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo("fk_tasks_parent"));
        assertThatThrownBy(() -> db.tasks()
                        .submitAll(List.of(
                                task("fine").build(),
                                task("lost").sessionId(SessionId.generate()).build())))
                .isInstanceOfSatisfying(
                        ConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo("fk_tasks_session"));
        assertThat(taskCount()).isZero();
    }

    @Test
    void aFeatureBranchUpToItsLimitIsStoredWholeAndALongerOneIsRefusedWithNothingWritten() {
        String longest = "b".repeat(255);
        List<TaskId> ids = db.tasks()
                .submitAll(List.of(
                        task("keyed")
                                .featureBranch(longest)
                                .idempotencyKey("keyed")
                                .build(),
                        task("plain").featureBranch(longest).build()));
        assertThat(ids).allSatisfy(id -> assertThat(stored(id).featureBranch()).isEqualTo(longest));
        assertThat(db.tasks().count(TaskFilters.builder().featureBranch(longest).build()))
                .isEqualTo(2);

        String tooLong = longest + "b";
        for (NewTask.Builder refused :
                List.of(task("too long"), task("too long, keyed").idempotencyKey("too long"))) {
            assertThatThrownBy(() ->
                            db.tasks().submit(refused.featureBranch(tooLong).build()))
                    .isInstanceOfSatisfying(
                            InvalidInput.class, e -> assertThat(e.getMessage()).contains("featureBranch"));
        }
        Task first = stored(ids.getFirst());
        assertThatThrownBy(() -> db.tasks()
                        .update(first.toBuilder().featureBranch(tooLong).build()))
                .isInstanceOf(InvalidInput.class);
        assertThat(taskCount()).isEqualTo(2);
        assertThat(stored(first.id())).isEqualTo(first);
    }

    /** Rows of every table a submit or a memory write touches. */
    private long writtenRows() {
        var dsl = db.dsl();
        return dsl.fetchCount(TASKS)
                + dsl.fetchCount(TASK_DEPENDENCIES)
                + dsl.fetchCount(AUDIT_LOG)
                + dsl.fetchCount(MEMORY_ENTRIES);
    }

    /** {@code t} with some fields replaced, through the canonical constructor instead of the builder. */
    private static NewTask copy(
            NewTask t,
            String summary,
            String description,
            int priority,
            int timeoutSeconds,
            String idempotencyKey,
            DependencyType dependencyType,
            TaskSource source) {
        return new NewTask(
                summary,
                description,
                t.agentType(),
                priority,
                dependencyType,
                t.dependsOn(),
                t.inputData(),
                t.maxRetries(),
                timeoutSeconds,
                t.createdBy(),
                t.parentTaskId(),
                t.sessionId(),
                source,
                t.deadline(),
                t.estimatedDurationSeconds(),
                t.featureBranch(),
                t.taskBranch(),
                t.worktreePath(),
                idempotencyKey,
                t.id(),
                t.runAfter());
    }

    static Stream<Arguments> bypassingTheBuilder() {
        NewTask t = task("valid").build();
        int p = t.priority();
        int timeout = t.maxExecutionTimeoutSeconds();
        DependencyType type = t.dependencyType();
        TaskSource source = t.source();
        return Stream.of(
                Arguments.of("description", (Supplier<NewTask>)
                        () -> copy(t, "s", "x\uD800y", p, timeout, null, type, source)),
                Arguments.of("description", (Supplier<NewTask>)
                        () -> copy(t, "s", "x\u0000y", p, timeout, null, type, source)),
                Arguments.of("summary", (Supplier<NewTask>)
                        () -> copy(t, "lone \uDC00", "", p, timeout, null, type, source)),
                Arguments.of("maxExecutionTimeoutSeconds", (Supplier<NewTask>)
                        () -> copy(t, "s", "", p, 0, null, type, source)),
                Arguments.of(
                        "idempotencyKey", (Supplier<NewTask>) () -> copy(t, "s", "", p, timeout, "", type, source)),
                Arguments.of("priority", (Supplier<NewTask>) () -> copy(t, "s", "", 99, timeout, null, type, source)),
                Arguments.of("summary", (Supplier<NewTask>) () -> copy(t, null, "", p, timeout, null, type, source)),
                Arguments.of(
                        "description", (Supplier<NewTask>) () -> copy(t, "s", null, p, timeout, null, type, source)),
                Arguments.of(
                        "dependencyType", (Supplier<NewTask>) () -> copy(t, "s", "", p, timeout, null, null, source)),
                Arguments.of("source", (Supplier<NewTask>) () -> copy(t, "s", "", p, timeout, null, type, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bypassingTheBuilder")
    void invalidFieldsAreInvalidInputWithoutTheBuilderAndNothingIsWritten(String field, Supplier<NewTask> invalid) {
        db.tasks().submit(task("already stored").build());
        long before = writtenRows();
        assertThatThrownBy(() -> db.tasks().submit(invalid.get()))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
        assertThatThrownBy(() -> db.tasks().submitAll(List.of(task("fine").build(), invalid.get())))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
        assertThat(writtenRows()).isEqualTo(before);
    }

    static Stream<String> jsonNotEveryBackendStores() {
        return Stream.of(
                "{\"n\": 1e1000000}",
                "[1e131072]",
                "[10e131071]",
                "[1e-16384]",
                "[0e-16384]",
                "[0." + "0".repeat(16383) + "1]",
                "[1" + "0".repeat(131072) + "]",
                "[0e1073741823]",
                "{\"s\": \"a\\u0000b\"}",
                "{\"s\": \"\\uD800\"}",
                "{\"s\": \"\\uDC00\\uD800\"}");
    }

    @ParameterizedTest
    @MethodSource("jsonNotEveryBackendStores")
    void jsonNotEveryBackendStoresIsInvalidInputAndNothingIsWritten(String document) {
        db.tasks().submit(task("already stored").build());
        long before = writtenRows();
        String shown = document.length() > 40 ? document.substring(0, 40) + "..." : document;
        assertThatThrownBy(() -> db.tasks()
                        .submit(task("input").inputData(Json.of(document)).build()))
                .as(shown)
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("json"));
        assertThatThrownBy(() -> db.memory().put("tck", "doc", Json.of(document)))
                .as(shown)
                .isInstanceOf(InvalidInput.class);
        assertThat(writtenRows()).isEqualTo(before);
    }

    @Test
    void numbersAtTheEdgeOfWhatEveryBackendStoresAreStored() {
        List<String> edges = List.of(
                "[1e131071]",
                "[-9.9e131071]",
                "[1e-16383]",
                "[1.5e-16382]",
                "[0e1073741822]",
                "[0." + "0".repeat(16382) + "1]",
                "[9" + "0".repeat(131071) + ".5]");
        for (String document : edges) {
            TaskId id =
                    db.tasks().submit(task("edge").inputData(Json.of(document)).build());
            assertThat(stored(id).inputData()).isNotNull();
            db.memory().put("tck", "edge", Json.of(document));
        }
        assertThat(taskCount()).isEqualTo(edges.size());
    }
}
