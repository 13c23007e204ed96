package io.stratum.internal.task;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.PageRequest;
import io.stratum.internal.values.Cursors;
import io.stratum.internal.values.Timestamps;
import io.stratum.spi.Backend;
import io.stratum.task.Task;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskStatus;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;

/**
 * The tasks a filter matches, page by page in list order: calculated priority (highest first), then submission time
 * (oldest first), then id. Ready and waiting tasks are read through the partial index of their {@link StatusGroup},
 * which holds them in that order; other filters walk {@code ix_tasks_list}, which holds every task in that order.
 */
public final class TaskListing {
    private final Table<?> readyTasks;
    private final Table<?> waitingTasks;

    public TaskListing(Backend backend) {
        this.readyTasks = backend.readThrough(StatusGroup.READY.index());
        this.waitingTasks = backend.readThrough(StatusGroup.WAITING.index());
    }

    /** Up to {@code page.limit() + 1} tasks matching {@code filters} after the page's cursor, in list order. */
    public ResultQuery<Record> page(DSLContext dsl, TaskFilters filters, PageRequest page) {
        List<Condition> conditions = matching(filters);
        String[] after = Cursors.after(page, 3);
        if (after != null) {
            conditions.add(after(page.cursor(), after));
        }
        return dsl.select(TASKS.fields())
                .from(source(filters.status()))
                .where(conditions)
                .orderBy(TASKS.CALCULATED_PRIORITY.desc(), TASKS.SUBMITTED_AT.asc(), TASKS.ID.asc())
                .limit(page.limit() + 1);
    }

    private Table<?> source(TaskStatus status) {
        if (status == null) {
            return TASKS;
        }
        return switch (StatusGroup.of(status)) {
            case READY -> readyTasks;
            case WAITING -> waitingTasks;
            case RUNNING, FINISHED -> TASKS;
        };
    }

    /** The cursor of a page that ends with {@code task}. */
    public static String cursorOf(Task task) {
        return Cursors.encode(
                Double.toString(task.calculatedPriority()),
                task.submittedAt().toString(),
                task.id().toString());
    }

    /** The conditions {@code filters} sets. */
    public static List<Condition> matching(TaskFilters filters) {
        List<Condition> conditions = new ArrayList<>();
        if (filters.status() != null) {
            conditions.add(StatusGroup.is(TASKS.STATUS, filters.status()));
        }
        if (filters.agentType() != null) {
            conditions.add(TASKS.AGENT_TYPE.eq(filters.agentType()));
        }
        if (filters.featureBranch() != null) {
            conditions.add(TASKS.FEATURE_BRANCH.eq(filters.featureBranch()));
        }
        if (filters.sessionId() != null) {
            conditions.add(TASKS.SESSION_ID.eq(filters.sessionId().value()));
        }
        if (filters.parentTaskId() != null) {
            conditions.add(TASKS.PARENT_TASK_ID.eq(filters.parentTaskId().value()));
        }
        return conditions;
    }

    /**
     * Tasks after the one at {@code key} (calculated priority, submission time, id) of {@code cursor}. The order mixes
     * directions, so it is spelled out rather than a row comparison; the redundant bound on the priority alone lets an
     * index on it start its range at the cursor.
     */
    private static Condition after(String cursor, String[] key) {
        double priority = Cursors.parse(cursor, key[0], Double::parseDouble);
        OffsetDateTime submitted = Timestamps.normalize(Cursors.parse(cursor, key[1], OffsetDateTime::parse));
        UUID id = Cursors.parse(cursor, key[2], UUID::fromString);
        return TASKS.CALCULATED_PRIORITY
                .le(priority)
                .and(TASKS.CALCULATED_PRIORITY
                        .lt(priority)
                        .or(TASKS.CALCULATED_PRIORITY
                                .eq(priority)
                                .and(TASKS.SUBMITTED_AT
                                        .gt(submitted)
                                        .or(TASKS.SUBMITTED_AT.eq(submitted).and(TASKS.ID.gt(id))))));
    }
}
