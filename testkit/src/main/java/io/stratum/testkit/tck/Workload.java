package io.stratum.testkit.tck;

import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Stratum;
import io.stratum.codegen.jooq.tables.Tasks;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jooq.Record4;

/**
 * The task graph the concurrency suites run: a seeded random DAG in which every task after the first 5%
 * depends on up to three of the 2,000 tasks before it, and the checks that it ran correctly.
 */
final class Workload {
    private static final int WINDOW = 2_000;
    private static final int BATCH = 2_000;

    private Workload() {}

    static List<NewTask> dag(int size, long seed) {
        Random random = new Random(seed);
        List<TaskId> ids =
                IntStream.range(0, size).mapToObj(i -> TaskId.generate()).toList();
        List<NewTask> tasks = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Set<TaskId> deps = new LinkedHashSet<>();
            int wanted = i < size / 20 ? 0 : random.nextInt(4);
            for (int d = 0; d < wanted; d++) {
                deps.add(ids.get(i - 1 - random.nextInt(Math.min(i, WINDOW))));
            }
            tasks.add(NewTask.builder("task " + i, "worker")
                    .id(ids.get(i))
                    .priority(random.nextInt(11))
                    .dependsOn(List.copyOf(deps))
                    .build());
        }
        return tasks;
    }

    /** Submits {@code tasks} in batches of {@value #BATCH}; each batch depends only on itself and earlier ones. */
    static void submit(Stratum db, List<NewTask> tasks) {
        for (int i = 0; i < tasks.size(); i += BATCH) {
            db.tasks().submitAll(tasks.subList(i, Math.min(tasks.size(), i + BATCH)));
        }
    }

    /**
     * What the database must show after every task of {@code tasks} ran once: all completed, each moved
     * exactly through its statuses once (version 2 from ready, 3 from pending) without retries, and none
     * started before each of its dependencies completed.
     */
    static void verifyStored(Stratum db, List<NewTask> tasks) {
        Map<UUID, Record4<UUID, String, Long, Integer>> stored = db.dsl()
                .select(TASKS.ID, TASKS.STATUS, TASKS.VERSION, TASKS.RETRY_COUNT)
                .from(TASKS)
                .fetchMap(TASKS.ID);
        assertThat(stored).hasSize(tasks.size());
        for (NewTask task : tasks) {
            Record4<UUID, String, Long, Integer> row = stored.get(task.id().value());
            assertThat(row.value2()).as("status of %s", task.id()).isEqualTo(TaskStatus.COMPLETED.dbValue());
            assertThat(row.value3())
                    .as("version of %s", task.id())
                    .isEqualTo(task.dependsOn().isEmpty() ? 2L : 3L);
            assertThat(row.value4()).as("retries of %s", task.id()).isZero();
        }
        Tasks dependent = TASKS.as("dependent");
        Tasks dependency = TASKS.as("dependency");
        assertThat(db.dsl()
                        .fetchCount(db.dsl()
                                .select(TASK_DEPENDENCIES.TASK_ID)
                                .from(TASK_DEPENDENCIES)
                                .join(dependent)
                                .on(dependent.ID.eq(TASK_DEPENDENCIES.TASK_ID))
                                .join(dependency)
                                .on(dependency.ID.eq(TASK_DEPENDENCIES.DEPENDS_ON_ID))
                                .where(dependent.STARTED_AT.lt(dependency.COMPLETED_AT))))
                .as("tasks started before a dependency completed")
                .isZero();
    }
}
