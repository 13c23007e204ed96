package io.stratum.testkit.tck;

import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;

import io.stratum.Stratum;
import io.stratum.codegen.jooq.tables.records.TasksRecord;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;

/**
 * {@value #SIZE} tasks written straight into the tables, a thousand rows per statement, in the mix a busy
 * queue has (85% completed, 7% ready, 3% running with half the leases expired, 5% pending), each task after
 * the first depending on an earlier one. Two ready tasks have a known dependent: the one claimed first (its
 * dependent is pending on it alone) and one near the end (the last task depends on it).
 */
final class QueryPlanData {
    static final int SIZE = 100_000;
    private static final int ROWS_PER_INSERT = 1_000;
    private static final int EDGES_PER_INSERT = 5_000;
    private static final int FIRST_CLAIMED = 85;
    private static final int PENDING_ON_FIRST_CLAIMED = 95;
    private static final int CANCELLED = SIZE - 9;
    private static final int CLAIMED_FIRST_PRIORITY = 100;
    private static final OffsetDateTime START = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final List<Field<?>> COLUMNS = List.of(
            TASKS.ID,
            TASKS.SUMMARY,
            TASKS.DESCRIPTION,
            TASKS.AGENT_TYPE,
            TASKS.PRIORITY,
            TASKS.CALCULATED_PRIORITY,
            TASKS.STATUS,
            TASKS.DEPENDENCY_TYPE,
            TASKS.DEPENDENCY_DEPTH,
            TASKS.RETRY_COUNT,
            TASKS.MAX_RETRIES,
            TASKS.MAX_EXECUTION_TIMEOUT_SECONDS,
            TASKS.SUBMITTED_AT,
            TASKS.LAST_UPDATED_AT,
            TASKS.SOURCE,
            TASKS.VERSION,
            TASKS.RUN_AFTER,
            TASKS.LEASE_OWNER,
            TASKS.LEASE_TOKEN,
            TASKS.LEASE_EXPIRES_AT,
            TASKS.COMPLETED_AT);

    private final List<UUID> ids;

    private QueryPlanData(List<UUID> ids) {
        this.ids = ids;
    }

    static QueryPlanData load(Stratum db) {
        List<UUID> ids = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            ids.add(UUID.randomUUID());
        }
        for (int from = 0; from < SIZE; from += ROWS_PER_INSERT) {
            InsertValuesStepN<TasksRecord> insert = db.dsl().insertInto(TASKS, COLUMNS);
            for (int i = from; i < from + ROWS_PER_INSERT; i++) {
                insert = insert.values(row(ids.get(i), i));
            }
            insert.execute();
        }
        Random random = new Random(100_000L);
        for (int from = 1; from < SIZE; from += EDGES_PER_INSERT) {
            var insert =
                    db.dsl().insertInto(TASK_DEPENDENCIES, TASK_DEPENDENCIES.TASK_ID, TASK_DEPENDENCIES.DEPENDS_ON_ID);
            for (int i = from; i < Math.min(SIZE, from + EDGES_PER_INSERT); i++) {
                int drawn = random.nextInt(i);
                insert = insert.values(ids.get(i), ids.get(dependencyOf(i, drawn)));
            }
            insert.execute();
        }
        return new QueryPlanData(ids);
    }

    private static int dependencyOf(int task, int drawn) {
        return task == PENDING_ON_FIRST_CLAIMED ? FIRST_CLAIMED : task == SIZE - 1 ? CANCELLED : drawn;
    }

    private static TaskStatus status(int i) {
        int bucket = i % 100;
        return bucket < 85
                ? TaskStatus.COMPLETED
                : bucket < 92 ? TaskStatus.READY : bucket < 95 ? TaskStatus.RUNNING : TaskStatus.PENDING;
    }

    private static List<Object> row(UUID id, int i) {
        OffsetDateTime submitted = START.plusSeconds(i);
        TaskStatus status = status(i);
        boolean running = status == TaskStatus.RUNNING;
        OffsetDateTime expires = running ? now().plusHours(i % 2 == 0 ? -1 : 1) : null;
        double calculatedPriority = i == FIRST_CLAIMED ? CLAIMED_FIRST_PRIORITY : i % 11;
        return Arrays.asList(
                id,
                "task " + i,
                "",
                "coder",
                i % 11,
                calculatedPriority,
                status.dbValue(),
                "sequential",
                1,
                0,
                3,
                3_600,
                submitted,
                submitted,
                "human",
                0L,
                submitted,
                running ? "worker" : null,
                running ? UUID.randomUUID() : null,
                expires,
                status == TaskStatus.COMPLETED ? submitted.plusMinutes(1) : null);
    }

    /** A moment before which about {@code tasks} tasks were completed. */
    static OffsetDateTime completedBefore(int tasks) {
        return START.plusMinutes(1).plusSeconds(tasks);
    }

    /** A moment at which half of the running tasks' leases have expired. */
    static OffsetDateTime now() {
        return START.plusSeconds(SIZE);
    }

    /** The ready task a claim takes first. */
    TaskId claimedFirst() {
        return TaskId.of(ids.get(FIRST_CLAIMED));
    }

    /** The pending task whose one dependency is {@link #claimedFirst()}. */
    TaskId pendingOnClaimedFirst() {
        return TaskId.of(ids.get(PENDING_ON_FIRST_CLAIMED));
    }

    /** A ready task near the end, on which the last task depends. */
    TaskId readyWithADependent() {
        return TaskId.of(ids.get(CANCELLED));
    }
}
