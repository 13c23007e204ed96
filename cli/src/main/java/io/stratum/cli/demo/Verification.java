package io.stratum.cli.demo;

import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;

import io.stratum.codegen.jooq.tables.Tasks;
import io.stratum.task.TaskStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Checks, from the database and from what the workers saw, that a demo run did what a queue promises: every task
 * completed, exactly once, and only after every task it depends on had completed; and that the retries stored
 * are exactly the failures the workers reported.
 *
 * @param statusCounts tasks of the run per status, from the database
 * @param storedRetries sum of the run's {@code retry_count}
 * @param edges dependency edges among the run's tasks
 * @param edgesOutOfOrder edges whose task started before its dependency completed (or whose dependency never did)
 * @param problems what does not hold, empty if all does
 */
public record Verification(
        Map<String, Long> statusCounts, long storedRetries, long edges, long edgesOutOfOrder, List<String> problems) {

    /** Checks the tasks marked {@code createdBy = label} against {@code outcome}. */
    public static Verification of(DSLContext dsl, String label, long tasks, Swarm.Outcome outcome) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TaskStatus status : TaskStatus.values()) {
            counts.put(status.dbValue(), 0L);
        }
        dsl.select(TASKS.STATUS, DSL.count())
                .from(TASKS)
                .where(TASKS.CREATED_BY.eq(label))
                .groupBy(TASKS.STATUS)
                .forEach(r -> counts.put(r.value1(), r.value2().longValue()));
        long retries = dsl.select(DSL.coalesce(DSL.sum(TASKS.RETRY_COUNT), DSL.inline(java.math.BigDecimal.ZERO)))
                .from(TASKS)
                .where(TASKS.CREATED_BY.eq(label))
                .fetchOne(0, Long.class);
        Tasks task = TASKS.as("t");
        Tasks dependency = TASKS.as("d");
        var edgesOfRun = dsl.selectCount()
                .from(TASK_DEPENDENCIES)
                .join(task)
                .on(task.ID.eq(TASK_DEPENDENCIES.TASK_ID))
                .join(dependency)
                .on(dependency.ID.eq(TASK_DEPENDENCIES.DEPENDS_ON_ID))
                .where(task.CREATED_BY.eq(label));
        long edges = edgesOfRun.fetchOne(0, Long.class);
        long outOfOrder = edgesOfRun
                .and(dependency
                        .COMPLETED_AT
                        .isNull()
                        .or(task.STARTED_AT.isNull())
                        .or(task.STARTED_AT.lt(dependency.COMPLETED_AT)))
                .fetchOne(0, Long.class);

        List<String> problems = new ArrayList<>();
        long completed = counts.get(TaskStatus.COMPLETED.dbValue());
        if (completed != tasks) {
            problems.add(completed + " of " + tasks + " tasks are completed in the database");
        }
        long once = outcome.completions().values().stream().filter(n -> n == 1).count();
        if (outcome.completions().size() != tasks || once != tasks) {
            problems.add("workers completed " + outcome.completions().size() + " distinct tasks, " + once
                    + " of them exactly once (expected " + tasks + ")");
        }
        if (outOfOrder != 0) {
            problems.add(outOfOrder + " of " + edges
                    + " dependency edges: the task started before its dependency completed");
        }
        if (retries != outcome.failedAttempts()) {
            problems.add("the database counts " + retries + " retries, the workers failed " + outcome.failedAttempts()
                    + " attempts");
        }
        if (outcome.stalled()) {
            problems.add("no task completed for " + Swarm.STALL.toSeconds() + " s: the run was stopped");
        }
        return new Verification(Collections.unmodifiableMap(counts), retries, edges, outOfOrder, List.copyOf(problems));
    }

    public boolean passed() {
        return problems.isEmpty();
    }
}
