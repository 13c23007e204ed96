package io.stratum.testkit.tck;

import static io.stratum.codegen.jooq.Tables.AUDIT_LOG;
import static io.stratum.codegen.jooq.Tables.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.ConstraintViolation;
import io.stratum.IllegalTransition;
import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.NotFound;
import io.stratum.Page;
import io.stratum.PageRequest;
import io.stratum.StaleVersion;
import io.stratum.TaskDependedOn;
import io.stratum.audit.AuditQuery;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The task repository's behaviour, identical on every backend. */
public abstract class TaskRepositoryContract extends ContractSupport {

    private static final OffsetDateTime SUBMITTED = OffsetDateTime.parse("2026-03-14T15:09:26.535897Z");

    private SessionId insertSession() {
        SessionId id = SessionId.generate();
        db.dsl()
                .insertInto(SESSIONS)
                .set(SESSIONS.ID, id.value())
                .set(SESSIONS.STATUS, "active")
                .set(SESSIONS.STARTED_AT, SUBMITTED)
                .set(SESSIONS.LAST_EVENT_SEQ, 0L)
                .execute();
        return id;
    }

    private TaskId submit(String summary) {
        return db.tasks().submit(NewTask.builder(summary, "coder").build());
    }

    private List<Task> list(TaskFilters filters) {
        return db.tasks().list(filters, PageRequest.first()).items();
    }

    private static List<TaskId> ids(List<Task> tasks) {
        return tasks.stream().map(Task::id).toList();
    }

    @Test
    void everyColumnRoundTrips() {
        SessionId session = insertSession();
        TaskId parent = submit("parent");
        OffsetDateTime deadline = OffsetDateTime.of(2026, 3, 20, 23, 59, 58, 999_999_000, ZoneOffset.ofHours(2));
        String unicode = "Grüße, 世界 🚀 — \"quotes\" 'single' \\ back\nline";
        Json input =
                Json.of("{\"files\": [\"a.rs\", \"b.rs\"], \"nested\": {\"n\": 1.5, \"ok\": true, \"none\": null}}");

        TaskId id = db.tasks()
                .submit(NewTask.builder("Implement 🚀 ünïcödé", "rust-specialist")
                        .description(unicode)
                        .priority(7)
                        .dependencyType(DependencyType.PARALLEL)
                        .inputData(input)
                        .maxRetries(5)
                        .maxExecutionTimeoutSeconds(120)
                        .createdBy("planner-agent")
                        .parentTaskId(parent)
                        .sessionId(session)
                        .source(TaskSource.AGENT_PLANNER)
                        .deadline(deadline)
                        .estimatedDurationSeconds(900)
                        .featureBranch("feature/x")
                        .taskBranch("task/x-1")
                        .worktreePath("/work/trees/x 1")
                        .idempotencyKey("key-1")
                        .build());

        Task t = db.tasks().require(id);
        assertThat(t.id()).isEqualTo(id);
        assertThat(t.id().value().version()).isEqualTo(7);
        assertThat(t.summary()).isEqualTo("Implement 🚀 ünïcödé");
        assertThat(t.description()).isEqualTo(unicode);
        assertThat(t.agentType()).isEqualTo("rust-specialist");
        assertThat(t.priority()).isEqualTo(7);
        assertThat(t.status()).isEqualTo(TaskStatus.READY);
        assertThat(t.dependencies()).isEmpty();
        assertThat(t.dependencyType()).isEqualTo(DependencyType.PARALLEL);
        assertThat(t.dependencyDepth()).isZero();
        assertThat(t.inputData()).isEqualTo(input);
        assertThat(t.resultData()).isNull();
        assertThat(t.errorMessage()).isNull();
        assertThat(t.retryCount()).isZero();
        assertThat(t.maxRetries()).isEqualTo(5);
        assertThat(t.maxExecutionTimeoutSeconds()).isEqualTo(120);
        assertThat(t.submittedAt()).isEqualTo(SUBMITTED);
        assertThat(t.startedAt()).isNull();
        assertThat(t.completedAt()).isNull();
        assertThat(t.lastUpdatedAt()).isEqualTo(SUBMITTED);
        assertThat(t.createdBy()).isEqualTo("planner-agent");
        assertThat(t.parentTaskId()).isEqualTo(parent);
        assertThat(t.sessionId()).isEqualTo(session);
        assertThat(t.source()).isEqualTo(TaskSource.AGENT_PLANNER);
        assertThat(t.deadline()).isEqualTo(OffsetDateTime.parse("2026-03-20T21:59:58.999999Z"));
        assertThat(t.estimatedDurationSeconds()).isEqualTo(900);
        assertThat(t.featureBranch()).isEqualTo("feature/x");
        assertThat(t.taskBranch()).isEqualTo("task/x-1");
        assertThat(t.worktreePath()).isEqualTo("/work/trees/x 1");
        assertThat(t.version()).isZero();
        assertThat(t.idempotencyKey()).isEqualTo("key-1");
        assertThat(t.leaseOwner()).isNull();
        assertThat(t.leaseToken()).isNull();
        assertThat(t.leaseExpiresAt()).isNull();
        assertThat(t.runAfter()).isEqualTo(SUBMITTED);
        assertThat(t.agentId()).isNull();
        // 7 + urgency of a deadline 6 days away (outside the 72 h window) = 7
        assertThat(t.calculatedPriority()).isEqualTo(7.0);
    }

    @Test
    void optionalColumnsRoundTripAsNull() {
        Task t = db.tasks().require(submit("minimal"));
        assertThat(t.inputData()).isNull();
        assertThat(t.createdBy()).isNull();
        assertThat(t.parentTaskId()).isNull();
        assertThat(t.sessionId()).isNull();
        assertThat(t.deadline()).isNull();
        assertThat(t.estimatedDurationSeconds()).isNull();
        assertThat(t.featureBranch()).isNull();
        assertThat(t.idempotencyKey()).isNull();
        assertThat(t.description()).isEmpty();
        assertThat(t.priority()).isEqualTo(NewTask.DEFAULT_PRIORITY);
        assertThat(t.maxRetries()).isEqualTo(NewTask.DEFAULT_MAX_RETRIES);
        assertThat(t.source()).isEqualTo(TaskSource.HUMAN);
    }

    @Test
    void jsonScalarsAndDeepDocumentsRoundTrip() {
        for (String doc :
                List.of("1.50", "\"text\"", "[1, 2, 3]", "true", "null", "{\"a\": {\"b\": {\"c\": [[[]]]}}}")) {
            TaskId id = db.tasks()
                    .submit(NewTask.builder("json " + doc, "coder")
                            .inputData(Json.of(doc))
                            .build());
            assertThat(db.tasks().require(id).inputData()).as(doc).isEqualTo(Json.of(doc));
        }
    }

    @Test
    void submittedAtKeepsMicrosecondsAndOrder() {
        TaskId first = submit("first");
        clock.advance(Duration.ofNanos(1_000));
        TaskId second = submit("second");
        Task a = db.tasks().require(first);
        Task b = db.tasks().require(second);
        assertThat(Duration.between(a.submittedAt(), b.submittedAt())).isEqualTo(Duration.ofNanos(1_000));
        assertThat(list(TaskFilters.all())).extracting(Task::id).containsExactly(first, second);
    }

    @Test
    void getOfUnknownIdIsEmptyAndRequireThrowsNotFound() {
        TaskId unknown = TaskId.of(UUID.randomUUID());
        assertThat(db.tasks().get(unknown)).isEmpty();
        assertThatThrownBy(() -> db.tasks().require(unknown))
                .isInstanceOf(NotFound.class)
                .hasMessageContaining(unknown.toString());
    }

    @Test
    void updateWritesEditableFieldsAndBumpsVersion() {
        TaskId id = submit("before");
        Task stored = db.tasks().require(id);
        clock.advance(Duration.ofSeconds(5));
        Task updated = db.tasks()
                .update(stored.toBuilder()
                        .summary("after ✓")
                        .priority(9)
                        .inputData(Json.of("{\"k\": \"v\"}"))
                        .featureBranch("f")
                        .build());
        assertThat(updated.summary()).isEqualTo("after ✓");
        assertThat(updated.priority()).isEqualTo(9);
        assertThat(updated.calculatedPriority()).isEqualTo(9.0);
        assertThat(updated.inputData()).isEqualTo(Json.of("{\"k\": \"v\"}"));
        assertThat(updated.featureBranch()).isEqualTo("f");
        assertThat(updated.version()).isEqualTo(stored.version() + 1);
        assertThat(updated.lastUpdatedAt()).isEqualTo(stored.lastUpdatedAt().plusSeconds(5));
        assertThat(updated.submittedAt()).isEqualTo(stored.submittedAt());
    }

    @Test
    void updateWithStaleVersionIsAConflictAndChangesNothing() {
        TaskId id = submit("original");
        Task first = db.tasks().require(id);
        Task second = db.tasks().require(id);
        db.tasks().update(first.toBuilder().summary("first writer").build());

        assertThatThrownBy(() -> db.tasks()
                        .update(second.toBuilder().summary("second writer").build()))
                .isInstanceOfSatisfying(StaleVersion.class, e -> {
                    assertThat(e.expectedVersion()).isZero();
                    assertThat(e.actualVersion()).isEqualTo(1);
                });
        assertThat(db.tasks().require(id).summary()).isEqualTo("first writer");
    }

    @Test
    void updateOfDeletedTaskIsNotFound() {
        TaskId id = submit("doomed");
        Task stored = db.tasks().require(id);
        assertThat(db.tasks().delete(id)).isTrue();
        assertThat(db.tasks().delete(id)).isFalse();
        assertThatThrownBy(() -> db.tasks().update(stored)).isInstanceOf(NotFound.class);
    }

    @Test
    void aTaskThatOthersWaitForIsNotDeletedUntilTheyNoLongerWait() {
        TaskId first = submit("first");
        TaskId waiting = db.tasks()
                .submit(NewTask.builder("waiting", "coder").dependsOn(first).build());
        long auditRows = db.dsl().fetchCount(AUDIT_LOG);

        assertThatThrownBy(() -> db.tasks().delete(first)).isInstanceOfSatisfying(TaskDependedOn.class, e -> {
            assertThat(e.taskId()).isEqualTo(first);
            assertThat(e.waiting()).containsExactly(waiting);
            assertThat(e.getMessage()).contains(waiting.toString());
        });
        assertThat(db.tasks().require(waiting).dependencies()).containsExactly(first);
        assertThat(db.dsl().fetchCount(AUDIT_LOG)).isEqualTo(auditRows);

        db.queue().cancel(waiting);
        assertThat(db.tasks().delete(first)).isTrue();
        assertThat(db.tasks().require(waiting).dependencies()).isEmpty();
    }

    @Test
    void deletingAParentKeepsTheChildUnparented() {
        TaskId parent = submit("parent");
        TaskId child = db.tasks()
                .submit(NewTask.builder("child", "coder").parentTaskId(parent).build());
        db.tasks().delete(parent);
        assertThat(db.tasks().require(child).parentTaskId()).isNull();
    }

    @Test
    void filtersCombineAndCountMatchesList() {
        SessionId session = insertSession();
        for (int i = 0; i < 12; i++) {
            db.tasks()
                    .submit(NewTask.builder("task " + i, i % 3 == 0 ? "planner" : "coder")
                            .featureBranch(i % 2 == 0 ? "feature/a" : "feature/b")
                            .sessionId(i < 6 ? session : null)
                            .build());
        }
        TaskFilters coderOnA = TaskFilters.builder()
                .agentType("coder")
                .featureBranch("feature/a")
                .build();
        List<Task> listed = list(coderOnA);
        assertThat(listed)
                .allMatch(
                        t -> t.agentType().equals("coder") && t.featureBranch().equals("feature/a"));
        assertThat(db.tasks().count(coderOnA)).isEqualTo(listed.size()).isEqualTo(4);
        assertThat(db.tasks().count(TaskFilters.builder().sessionId(session).build()))
                .isEqualTo(6);
        assertThat(db.tasks()
                        .count(TaskFilters.builder().status(TaskStatus.READY).build()))
                .isEqualTo(12);
        assertThat(db.tasks()
                        .count(TaskFilters.builder().status(TaskStatus.RUNNING).build()))
                .isZero();
        assertThat(db.tasks().count(TaskFilters.builder().agentType("nobody").build()))
                .isZero();
    }

    @Test
    void parentFilterFindsChildren() {
        TaskId parent = submit("parent");
        TaskId c1 = db.tasks()
                .submit(NewTask.builder("c1", "coder").parentTaskId(parent).build());
        TaskId c2 = db.tasks()
                .submit(NewTask.builder("c2", "coder").parentTaskId(parent).build());
        assertThat(list(TaskFilters.builder().parentTaskId(parent).build()))
                .extracting(Task::id)
                .containsExactlyInAnyOrder(c1, c2);
    }

    @Test
    void pagingIsStable() {
        for (int i = 0; i < 25; i++) {
            submit("task " + i); // same clock instant for all: order falls back to id
        }
        List<TaskId> all = ids(list(TaskFilters.all()));
        assertThat(ids(Pages.all(page -> db.tasks().list(TaskFilters.all(), page), 10)))
                .containsExactlyElementsOf(all)
                .hasSize(25);
    }

    /**
     * 24 tasks of three priorities, four submitted at each instant, one in five for another agent type and one in
     * seven pending on a task that has not run.
     */
    private void submitTiedTasks() {
        TaskId gate = db.tasks().submit(NewTask.builder("gate", "planner").build());
        for (int i = 0; i < 24; i++) {
            if (i % 4 == 0) {
                clock.advance(Duration.ofMillis(1));
            }
            NewTask.Builder task = NewTask.builder("task " + i, i % 5 == 0 ? "planner" : "coder")
                    .priority(i % 3 * 4);
            db.tasks().submit((i % 7 == 0 ? task.dependsOn(gate) : task).build());
        }
    }

    @Test
    void pagesOfEverySizeListEachMatchingTaskOnceInListOrder() {
        submitTiedTasks();
        for (TaskFilters filters : List.of(
                TaskFilters.builder().agentType("coder").build(),
                TaskFilters.builder().status(TaskStatus.READY).build(),
                TaskFilters.all())) {
            List<Task> all = db.tasks().list(filters, PageRequest.first(1_000)).items();
            assertThat(all)
                    .as("%s", filters)
                    .hasSize((int) db.tasks().count(filters))
                    .hasSizeGreaterThan(15);
            assertInListOrderWithTies(all);
            for (int size : new int[] {1, 2, 3, 7, all.size(), all.size() + 1}) {
                assertThat(ids(Pages.all(page -> db.tasks().list(filters, page), size)))
                        .as("%s in pages of %d", filters, size)
                        .containsExactlyElementsOf(ids(all));
            }
        }
    }

    /** Highest calculated priority first, then oldest; some neighbours tie on both, so the id decides. */
    private static void assertInListOrderWithTies(List<Task> tasks) {
        boolean tied = false;
        for (int i = 1; i < tasks.size(); i++) {
            Task before = tasks.get(i - 1);
            Task after = tasks.get(i);
            assertThat(before.calculatedPriority()).isGreaterThanOrEqualTo(after.calculatedPriority());
            if (before.calculatedPriority() == after.calculatedPriority()) {
                assertThat(before.submittedAt()).isBeforeOrEqualTo(after.submittedAt());
                tied |= before.submittedAt().isEqual(after.submittedAt());
            }
        }
        assertThat(tied)
                .as("neighbours with the same priority and submission time")
                .isTrue();
    }

    @Test
    void tasksStoredOrDeletedBeforeTheCursorShiftNoLaterPage() {
        submitTiedTasks();
        TaskFilters coders = TaskFilters.builder().agentType("coder").build();
        List<TaskId> before = ids(list(coders));
        Page<Task> first = db.tasks().list(coders, PageRequest.first(5));

        TaskId urgent = db.tasks()
                .submit(NewTask.builder("urgent", "coder").priority(10).build());
        db.tasks().delete(first.items().get(2).id());
        List<TaskId> seen = new ArrayList<>(ids(first.items()));
        seen.addAll(ids(Pages.allFrom(page -> db.tasks().list(coders, page), first.next(5))));

        assertThat(seen).containsExactlyElementsOf(before).doesNotContain(urgent);
    }

    @Test
    void aCursorThisListDidNotHandOutIsInvalidInput() {
        submit("a");
        submit("b");
        String taskCursor =
                db.tasks().list(TaskFilters.all(), PageRequest.first(1)).nextCursor();
        String[] parts = taskCursor.split("\\.");
        Pages.assertBadCursor(() -> db.tasks().list(TaskFilters.all(), PageRequest.after("not a cursor", 10)));
        Pages.assertBadCursor(() -> db.tasks().list(TaskFilters.all(), PageRequest.after(parts[2], 10)));
        Pages.assertBadCursor(() ->
                db.tasks().list(TaskFilters.all(), PageRequest.after(parts[1] + "." + parts[0] + "." + parts[2], 10)));
        Pages.assertBadCursor(() -> db.tasks().list(TaskFilters.all(), PageRequest.after(taskCursor + ".MQ", 10)));
        Pages.assertBadCursor(() -> db.audit().query(AuditQuery.all(), PageRequest.after(taskCursor, 10)));
    }

    @Test
    void readyTasksComeByCalculatedPriorityThenAge() {
        TaskId low =
                db.tasks().submit(NewTask.builder("low", "coder").priority(1).build());
        clock.advance(Duration.ofMillis(1));
        TaskId highOld = db.tasks()
                .submit(NewTask.builder("high old", "coder").priority(9).build());
        clock.advance(Duration.ofMillis(1));
        TaskId highNew = db.tasks()
                .submit(NewTask.builder("high new", "coder").priority(9).build());
        clock.advance(Duration.ofMillis(1));
        TaskId mid =
                db.tasks().submit(NewTask.builder("mid", "coder").priority(5).build());
        TaskId running = db.tasks()
                .submit(NewTask.builder("running", "coder").priority(10).build());
        db.tasks().updateStatus(running, TaskStatus.RUNNING);

        assertThat(db.tasks().getReadyTasks(10)).extracting(Task::id).containsExactly(highOld, highNew, mid, low);
        assertThat(db.tasks().getReadyTasks(2)).extracting(Task::id).containsExactly(highOld, highNew);
    }

    @Test
    void readyTasksInBackOffAreListedOnlyOnceAClaimCouldTakeThem() {
        TaskId flaky =
                db.tasks().submit(NewTask.builder("flaky", "coder").priority(9).build());
        TaskId plain = submit("plain");
        Claimed claimed = db.queue().claim("worker", 1, Duration.ofMinutes(1)).getFirst();
        assertThat(claimed.task().id()).isEqualTo(flaky);
        db.queue().fail(claimed.lease(), "try again");
        Task backingOff = db.tasks().require(flaky);
        assertThat(backingOff.status()).isEqualTo(TaskStatus.READY);
        assertThat(backingOff.runAfter()).isAfter(OffsetDateTime.now(clock));

        assertThat(db.tasks().getReadyTasks(10)).extracting(Task::id).containsExactly(plain);

        clock.advance(Duration.between(OffsetDateTime.now(clock), backingOff.runAfter()));
        assertThat(db.tasks().getReadyTasks(10)).extracting(Task::id).containsExactly(flaky, plain);
        assertThat(db.queue().claim("worker", 10, Duration.ofMinutes(1)))
                .extracting(c -> c.task().id())
                .containsExactly(flaky, plain);
    }

    @Test
    void urgentDeadlineRaisesCalculatedPriority() {
        TaskId relaxed = db.tasks()
                .submit(NewTask.builder("relaxed", "coder").priority(5).build());
        TaskId urgent = db.tasks()
                .submit(NewTask.builder("urgent", "coder")
                        .priority(5)
                        .deadline(OffsetDateTime.now(clock).plusHours(36))
                        .build());
        assertThat(db.tasks().require(urgent).calculatedPriority()).isEqualTo(10.0);
        assertThat(db.tasks().getReadyTasks(2)).extracting(Task::id).containsExactly(urgent, relaxed);
    }

    @Test
    void legalStatusTransitionsSetTimestamps() {
        TaskId id = submit("lifecycle");
        clock.advance(Duration.ofSeconds(1));
        Task running = db.tasks().updateStatus(id, TaskStatus.RUNNING);
        assertThat(running.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(running.startedAt()).isEqualTo(SUBMITTED.plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        Task done = db.tasks().updateStatus(id, TaskStatus.COMPLETED);
        assertThat(done.completedAt()).isEqualTo(SUBMITTED.plusSeconds(2));
        assertThat(done.version()).isEqualTo(2);
    }

    @Test
    void illegalStatusTransitionsAreRefused() {
        TaskId id = submit("finished");
        db.tasks().updateStatus(id, TaskStatus.RUNNING);
        db.tasks().updateStatus(id, TaskStatus.COMPLETED);
        assertThatThrownBy(() -> db.tasks().updateStatus(id, TaskStatus.READY))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> {
                    assertThat(e.from()).isEqualTo("completed");
                    assertThat(e.to()).isEqualTo("ready");
                });
        TaskId ready = submit("ready");
        assertThatThrownBy(() -> db.tasks().updateStatus(ready, TaskStatus.COMPLETED))
                .isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> db.tasks().updateStatus(TaskId.of(UUID.randomUUID()), TaskStatus.READY))
                .isInstanceOf(NotFound.class);
        assertThat(db.tasks().require(ready).status()).isEqualTo(TaskStatus.READY);
    }

    @Test
    void unknownParentIsAForeignKeyViolationNamedInTheError() {
        assertThatThrownBy(() -> db.tasks()
                        .submit(NewTask.builder("orphan", "coder")
                                .parentTaskId(TaskId.of(UUID.randomUUID()))
                                .build()))
                .isInstanceOfSatisfying(ConstraintViolation.class, e -> {
                    assertThat(e.kind()).isEqualTo(ConstraintViolation.Kind.FOREIGN_KEY);
                    assertThat(e.constraint()).isEqualTo("fk_tasks_parent");
                });
        assertThatThrownBy(() -> db.tasks()
                        .submit(NewTask.builder("sessionless", "coder")
                                .sessionId(SessionId.generate())
                                .build()))
                .isInstanceOfSatisfying(
                        ConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo("fk_tasks_session"));
        assertThat(db.tasks().count(TaskFilters.all())).isZero();
    }

    @Test
    void unknownDependencyIsInvalidInputAndNothingIsWritten() {
        assertThatThrownBy(() -> db.tasks()
                        .submit(NewTask.builder("waits", "coder")
                                .dependsOn(TaskId.of(UUID.randomUUID()))
                                .build()))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("unknown task");
        assertThat(db.tasks().count(TaskFilters.all())).isZero();
    }

    @Test
    void taskWithIncompleteDependencyStartsPendingOneLevelDeeper() {
        TaskId first = submit("first");
        TaskId second = db.tasks()
                .submit(NewTask.builder("second", "coder").dependsOn(first).build());
        Task t = db.tasks().require(second);
        assertThat(t.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(t.dependencyDepth()).isEqualTo(1);
        assertThat(t.dependencies()).containsExactly(first);
    }

    @Test
    void sameIdempotencyKeyReturnsTheExistingTask() {
        NewTask task =
                NewTask.builder("once", "coder").idempotencyKey("deploy-42").build();
        TaskId first = db.tasks().submit(task);
        TaskId again = db.tasks().submit(task);
        assertThat(again).isEqualTo(first);
        assertThat(db.tasks().count(TaskFilters.all())).isEqualTo(1);
    }

    @Test
    void updateRefusesInvalidFieldsGivenWithoutTheBuilderAndWritesNothing() {
        Task stored = db.tasks().require(submit("valid"));
        List<Task> invalid = List.of(
                edited(stored, 11, "valid", "", 60),
                edited(stored, 99, "valid", "", 60),
                edited(stored, 5, null, "", 60),
                edited(stored, 5, "valid", null, 60),
                edited(stored, 5, "valid", "x\uD800y", 60),
                edited(stored, 5, "valid", "x\u0000y", 60),
                edited(stored, 5, "valid", "", 0));
        List<String> fields = List.of(
                "priority",
                "priority",
                "summary",
                "description",
                "description",
                "description",
                "maxExecutionTimeoutSeconds");
        for (int i = 0; i < invalid.size(); i++) {
            Task task = invalid.get(i);
            String field = fields.get(i);
            assertThatThrownBy(() -> db.tasks().update(task))
                    .isInstanceOfSatisfying(
                            InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
        }
        assertThat(db.tasks().require(stored.id())).isEqualTo(stored);
    }

    /** {@code t} with some editable fields replaced, through the canonical constructor instead of the builder. */
    private static Task edited(Task t, int priority, String summary, String description, int timeoutSeconds) {
        return new Task(
                t.id(),
                summary,
                description,
                t.agentType(),
                priority,
                t.calculatedPriority(),
                t.status(),
                t.dependencies(),
                t.dependencyType(),
                t.dependencyDepth(),
                t.inputData(),
                t.resultData(),
                t.errorMessage(),
                t.retryCount(),
                t.maxRetries(),
                timeoutSeconds,
                t.submittedAt(),
                t.startedAt(),
                t.completedAt(),
                t.lastUpdatedAt(),
                t.createdBy(),
                t.parentTaskId(),
                t.sessionId(),
                t.source(),
                t.deadline(),
                t.estimatedDurationSeconds(),
                t.featureBranch(),
                t.taskBranch(),
                t.worktreePath(),
                t.version(),
                t.idempotencyKey(),
                t.leaseOwner(),
                t.leaseToken(),
                t.leaseExpiresAt(),
                t.runAfter(),
                t.agentId());
    }
}
