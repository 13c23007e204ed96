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
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class QueryPlanContract {
    private static final String CLAIM_INDEX = "ix_tasks_claim";
    private static final String LEASE_INDEX = "ix_tasks_lease_expiry";
    private static final String DEPENDENTS_INDEX = "ix_task_dependencies_depends_on";
    private static final String STATUS_INDEX = "idx_tasks_status";

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
    void claimTakesItsTasksThroughTheClaimIndexInOneStatement() {
        List<String> updates =
                plans(claim.stream().filter(RecordedStatement::isUpdate).toList());
        assertThat(updates)
                .anySatisfy(plan -> assertThat(plan).contains(CLAIM_INDEX))
                .noneSatisfy(plan -> assertThat(plan).contains(STATUS_INDEX));
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

    /** Found through the dependency index and the primary keys, not through the index on status. */
    @Test
    void promotionFindsDependentsAndTheirDependenciesThroughIndexes() {
        assertThat(db.tasks().require(data.pendingOnClaimedFirst()).status())
                .as("the dependent was promoted")
                .isEqualTo(TaskStatus.READY);
        assertThat(plans(complete))
                .anySatisfy(plan -> assertThat(plan).contains(DEPENDENTS_INDEX))
                .noneSatisfy(plan -> assertThat(plan).contains(STATUS_INDEX));
    }

    /** Found through the primary keys, not through the index on status, whatever the number of tasks per status. */
    @Test
    void statusChangesFindTheirRowsByKey() {
        List<RecordedStatement> moves =
                cancel.stream().filter(RecordedStatement::isUpdate).toList();
        assertThat(moves).isNotEmpty();
        assertThat(plans(moves)).noneSatisfy(plan -> assertThat(plan).contains(STATUS_INDEX));
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
