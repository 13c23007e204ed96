package io.stratum.testkit.tck;

import static io.stratum.codegen.jooq.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.PageRequest;
import io.stratum.Stratum;
import io.stratum.internal.tx.Backends;
import io.stratum.internal.queue.QueueQueries;
import io.stratum.internal.task.TaskListing;
import io.stratum.internal.task.TaskMove;
import io.stratum.internal.task.TaskTransitions;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskStatus;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The queue's look-ups and the pages of ready tasks are index look-ups at {@value QueryPlanData#SIZE} tasks: the
 * plan of each one, as the backend explains it, must not read a whole table, and must use the index made for it.
 * A backend certifies itself by saying how to obtain a plan and how a full scan of a table shows in it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class QueryPlanContract {
    private ScratchDatabases databases;
    private Stratum db;
    private QueueQueries queries;
    private TaskListing listing;
    private QueryPlanData data;

    /** The databases of the backend configuration under test. */
    protected abstract ScratchDatabases testDatabase();

    /** How the backend explains its plans. */
    protected abstract QueryPlans plans();

    @BeforeAll
    void load() {
        databases = testDatabase();
        String url = databases.freshUrl();
        db = Stratum.builder().url(url).clock(Clock.systemUTC()).open();
        db.migrate();
        data = QueryPlanData.load(db);
        plans().collectStatistics(db);
        queries = new QueueQueries(Backends.forUrl(url));
        listing = new TaskListing(Backends.forUrl(url));
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

    private DSLContext dsl() {
        return db.dsl();
    }

    @Test
    void claimReadsTheClaimIndex() {
        assertIndexed(queries.claimable(dsl(), QueryPlanData.now(), 16), "ix_tasks_claim");
    }

    @Test
    void readyTasksAreReadThroughTheClaimIndex() {
        assertIndexed(queries.ready(dsl(), QueryPlanData.now(), 100), "ix_tasks_claim");
    }

    @Test
    void pagesOfReadyTasksAreReadThroughTheClaimIndex() {
        TaskFilters ready = TaskFilters.builder().status(TaskStatus.READY).build();
        String cursor = db.tasks().list(ready, PageRequest.first(100)).nextCursor();
        assertIndexed(listing.page(dsl(), ready, PageRequest.first(100)), "ix_tasks_claim");
        assertIndexed(listing.page(dsl(), ready, PageRequest.after(cursor, 100)), "ix_tasks_claim");
    }

    @Test
    void expiredLeasesAreReadThroughTheLeaseIndex() {
        assertIndexed(queries.expiredLeases(dsl(), QueryPlanData.now(), 500), "ix_tasks_lease_expiry");
    }

    @Test
    void dependentsOfATaskAreAnIndexLookUp() {
        assertIndexed(queries.dependents(dsl(), List.of(data.withDependents())), "ix_task_dependencies_depends_on");
    }

    @Test
    void promotionFindsDependentsAndTheirDependenciesThroughIndexes() {
        String plan = plan(queries.pendingDependentsOf(dsl(), List.of(data.withDependents())));
        assertThat(plan).contains("ix_task_dependencies_depends_on").doesNotContain("idx_tasks_status");
        assertByKey(queries.withDependencyIn(dsl(), data.pending(),
                EnumSet.complementOf(EnumSet.of(TaskStatus.COMPLETED))));
    }

    @Test
    void claimTakesItsTasksThroughTheClaimIndexInOneStatement() {
        String plan = plan(TaskTransitions.statement(dsl(), queries.claimable(dsl(), QueryPlanData.now(), 16),
                TaskMove.of(TaskStatus.READY, TaskStatus.RUNNING).set(TASKS.LEASE_OWNER, "plan"), QueryPlanData.now()));
        assertThat(plan).contains("ix_tasks_claim").doesNotContain("idx_tasks_status");
    }

    @Test
    void statusChangesFindTheirRowsByKey() {
        assertByKey(TaskTransitions.statement(dsl(), data.ready(),
                TaskMove.of(TaskStatus.READY, TaskStatus.RUNNING).set(TASKS.LEASE_OWNER, "plan"), QueryPlanData.now()));
    }

    private void assertIndexed(Query query, String index) {
        assertThat(plan(query)).as("plan of%n%s", query).contains(index);
    }

    /** Found through the primary keys, not through the index on status, whatever the number of tasks per status. */
    private void assertByKey(Query query) {
        assertThat(plan(query)).as("plan of%n%s", query).doesNotContain("idx_tasks_status");
    }

    private String plan(Query query) {
        List<String> plan = plans().plan(db, query);
        String text = String.join("\n", plan);
        assertThat(plan).as("plan of%n%s%nis%n%s", query, text).noneMatch(plans()::isFullScan);
        return text;
    }
}
