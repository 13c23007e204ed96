package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.PageRequest;
import io.stratum.Stratum;
import io.stratum.queue.Claimed;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskStatus;
import io.stratum.testkit.tck.StatementRecorder.RecordedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The queue's hot paths are index look-ups at {@value QueryPlanData#SIZE} tasks. The operations run once, through
 * the public API, on a store that records every statement it executes; then the backend explains each of those
 * statements, with the SQL and bind values it ran with. No plan may read a whole table, and each operation must use
 * the index made for it. A backend certifies itself by saying how to obtain a plan and how a full scan of a table
 * shows in it.
 *
 * <p>Listing, counting and purging are checked too: they must not read a whole table either, but may use whichever
 * index the backend's planner prefers (MariaDB has no partial indexes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class QueryPlanContract {
    private static final String CLAIM_INDEX = "ix_tasks_claim";
    private static final String LEASE_INDEX = "ix_tasks_lease_expiry";
    private static final String DEPENDENTS_INDEX = "ix_task_dependencies_depends_on";
    /** The indexes that hold tasks by status or in list order, none of which a change of status by key may read. */
    private static final List<String> STATUS_INDEXES =
            List.of(CLAIM_INDEX, LEASE_INDEX, "ix_tasks_waiting", "ix_tasks_finished", "ix_tasks_list");

    private ScratchDatabases databases;
    private Stratum db;
    private QueryPlanData data;
    private List<RecordedStatement> claim;
    private List<RecordedStatement> complete;
    private List<RecordedStatement> readyTasks;
    private List<RecordedStatement> firstPageOfReady;
    private List<RecordedStatement> nextPageOfReady;
    private List<RecordedStatement> reclaim;
    private List<RecordedStatement> cancel;
    private List<RecordedStatement> listAndCountWaiting;
    private List<RecordedStatement> pagesOfFinished;
    private List<RecordedStatement> firstPageOfAll;
    private List<RecordedStatement> purge;
    private List<RecordedStatement> stats;

    /** The databases of the backend configuration under test. */
    protected abstract ScratchDatabases testDatabase();

    /** How the backend explains its plans. */
    protected abstract QueryPlans plans();

    @BeforeAll
    void runTheHotPaths() {
        databases = testDatabase();
        StatementRecorder recorder = new StatementRecorder();
        db = Stratum.builder()
                .url(databases.freshUrl())
                .clock(Clock.fixed(QueryPlanData.now().toInstant(), ZoneOffset.UTC))
                .executeListener(recorder)
                .open();
        db.migrate();
        data = QueryPlanData.load(db);
        plans().collectStatistics(db);

        AtomicReference<List<Claimed>> claimed = new AtomicReference<>();
        claim = recorder.during(() -> claimed.set(db.queue().claim("plan", 16, Duration.ofMinutes(5))));
        Claimed first = claimed.get().getFirst();
        assertThat(first.task().id()).isEqualTo(data.claimedFirst());
        complete = recorder.during(() -> db.queue().complete(first.lease(), null));
        readyTasks = recorder.during(() -> db.tasks().getReadyTasks(100));
        TaskFilters ready = TaskFilters.builder().status(TaskStatus.READY).build();
        AtomicReference<String> cursor = new AtomicReference<>();
        firstPageOfReady = recorder.during(
                () -> cursor.set(db.tasks().list(ready, PageRequest.first(100)).nextCursor()));
        nextPageOfReady = recorder.during(() -> db.tasks().list(ready, PageRequest.after(cursor.get(), 100)));
        reclaim = recorder.during(() -> db.queue().reclaimExpired());
        cancel = recorder.during(() -> db.queue().cancel(data.readyWithADependent()));
        listAndCountWaiting = recorder.during(() -> listAndCount(TaskStatus.PENDING));
        pagesOfFinished = recorder.during(() -> pages(TaskStatus.COMPLETED));
        firstPageOfAll =
                recorder.during(() -> db.tasks().list(TaskFilters.builder().build(), PageRequest.first(100)));
        purge = recorder.during(() -> db.retention().purgeTasks(QueryPlanData.completedBefore(100), 50));
        stats = recorder.during(() -> db.queue().stats());
    }

    private void listAndCount(TaskStatus status) {
        pages(status);
        db.tasks().count(TaskFilters.builder().status(status).build());
    }

    private void pages(TaskStatus status) {
        TaskFilters filters = TaskFilters.builder().status(status).build();
        String cursor = db.tasks().list(filters, PageRequest.first(100)).nextCursor();
        db.tasks().list(filters, PageRequest.after(cursor, 100));
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
        if (databases != null) {
            databases.close();
        }
    }

    @Test
    void claimPicksItsTasksThroughTheClaimIndex() {
        // The statement that picks the tasks: the UPDATE itself, or, where a backend picks them apart (no UPDATE ...
        // RETURNING), the locking SELECT before it.
        List<String> picking = plans(
                claim.stream().filter(s -> s.isUpdate() || s.isLockingSelect()).toList());
        assertThat(picking).anySatisfy(plan -> assertThat(plan).contains(CLAIM_INDEX));
        assertThat(plans(claim.stream().filter(RecordedStatement::isUpdate).toList()))
                .noneSatisfy(plan -> assertThat(plan).containsAnyOf(otherThan(CLAIM_INDEX)));
    }

    @Test
    void readyTasksAreReadThroughTheClaimIndex() {
        assertThat(plans(readyTasks)).anySatisfy(plan -> assertThat(plan).contains(CLAIM_INDEX));
    }

    @Test
    void pagesOfReadyTasksAreReadThroughTheClaimIndex() {
        assertThat(plans(firstPageOfReady)).anySatisfy(plan -> assertThat(plan).contains(CLAIM_INDEX));
        assertThat(plans(nextPageOfReady)).anySatisfy(plan -> assertThat(plan).contains(CLAIM_INDEX));
    }

    @Test
    void expiredLeasesAreReadThroughTheLeaseIndex() {
        assertThat(plans(reclaim)).anySatisfy(plan -> assertThat(plan).contains(LEASE_INDEX));
    }

    @Test
    void dependentsOfATaskAreAnIndexLookUp() {
        assertThat(plans(cancel)).anySatisfy(plan -> assertThat(plan).contains(DEPENDENTS_INDEX));
    }

    /** Found through the dependency index and the primary keys, not through an index by status. */
    @Test
    void promotionFindsDependentsAndTheirDependenciesThroughIndexes() {
        assertThat(db.tasks().require(data.pendingOnClaimedFirst()).status())
                .as("the dependent was promoted")
                .isEqualTo(TaskStatus.READY);
        assertThat(plans(complete))
                .anySatisfy(plan -> assertThat(plan).contains(DEPENDENTS_INDEX))
                .noneSatisfy(plan -> assertThat(plan).containsAnyOf(otherThan()));
    }

    /** Found through the primary keys, not through an index by status, whatever the number of tasks per status. */
    @Test
    void statusChangesFindTheirRowsByKey() {
        List<RecordedStatement> moves =
                cancel.stream().filter(RecordedStatement::isUpdate).toList();
        assertThat(moves).isNotEmpty();
        assertThat(plans(moves)).noneSatisfy(plan -> assertThat(plan).containsAnyOf(otherThan()));
    }

    @Test
    void waitingTasksAreListedAndCountedWithoutReadingTheTable() {
        plans(listAndCountWaiting);
    }

    /** Not counted: when most tasks are finished, as here, counting them reads most of the table anyway. */
    @Test
    void pagesOfFinishedTasksAreReadWithoutReadingTheTable() {
        plans(pagesOfFinished);
    }

    @Test
    void anUnfilteredPageIsReadInListOrder() {
        assertThat(plans(firstPageOfAll)).anySatisfy(plan -> assertThat(plan).contains("ix_tasks_list"));
    }

    @Test
    void purgeFindsAndDeletesFinishedTasksWithoutReadingTheTable() {
        plans(purge);
    }

    /**
     * Counts by status and agent type, the oldest claimable task, delayed tasks, expired leases and the finished
     * window: each statement is served by an index, though most of the tasks here are finished. (The claim still
     * goes through the claim index: see the first test.)
     */
    @Test
    void statsReadIndexesOnly() {
        List<String> plans = plans(stats);
        assertThat(plans).hasSizeGreaterThanOrEqualTo(5);
        assertThat(plans).anySatisfy(plan -> assertThat(plan).contains("ix_tasks_active"));
        assertThat(plans).anySatisfy(plan -> assertThat(plan).contains(LEASE_INDEX));
    }

    private static String[] otherThan(String... allowed) {
        return STATUS_INDEXES.stream()
                .filter(index -> !List.of(allowed).contains(index))
                .toArray(String[]::new);
    }

    /** The plan of each statement, as one text per statement; none may read a whole table. */
    private List<String> plans(List<RecordedStatement> statements) {
        assertThat(statements).isNotEmpty();
        return statements.stream().map(this::plan).toList();
    }

    private String plan(RecordedStatement statement) {
        List<String> plan;
        try {
            plan = plans().plan(db, statement.sql(), statement.bindValues());
        } catch (RuntimeException e) {
            throw new AssertionError("cannot explain " + statement, e);
        }
        String text = String.join("\n", plan);
        assertThat(plan).as("plan of%n%s%nis%n%s", statement, text).noneMatch(plans()::isFullScan);
        return text;
    }
}
