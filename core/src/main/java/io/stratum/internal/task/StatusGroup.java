package io.stratum.internal.task;

import io.stratum.codegen.jooq.Indexes;
import io.stratum.task.TaskStatus;
import java.util.Arrays;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Index;
import org.jooq.impl.DSL;

/**
 * The statuses that share a partial index of {@code tasks} on PostgreSQL and SQLite, with that index's predicate.
 * Queries that filter by status repeat the predicate word for word: SQLite uses a partial index only when the query's
 * {@code WHERE} contains the index's terms, and PostgreSQL only when the statuses are literals, which also keeps
 * generic plans of prepared statements on the index. (MariaDB has no partial indexes; there the claim and
 * lease-expiry indexes, which lead with the status, serve every status.)
 */
public enum StatusGroup {
    READY(Indexes.IX_TASKS_CLAIM, TaskStatus.READY),
    RUNNING(Indexes.IX_TASKS_LEASE_EXPIRY, TaskStatus.RUNNING),
    WAITING(Indexes.IX_TASKS_WAITING, TaskStatus.PENDING, TaskStatus.BLOCKED, TaskStatus.FAILED),
    FINISHED(Indexes.IX_TASKS_FINISHED, TaskStatus.COMPLETED, TaskStatus.CANCELLED);

    private final Index index;
    private final List<TaskStatus> statuses;

    StatusGroup(Index index, TaskStatus... statuses) {
        this.index = index;
        this.statuses = List.of(statuses);
    }

    /** The group {@code status} belongs to. */
    public static StatusGroup of(TaskStatus status) {
        return Arrays.stream(values())
                .filter(group -> group.statuses.contains(status))
                .findFirst()
                .orElseThrow();
    }

    /** The partial index of the group's tasks. */
    public Index index() {
        return index;
    }

    /** The group's statuses, in the order of the index's predicate. */
    public List<TaskStatus> statuses() {
        return statuses;
    }

    /** The index's predicate on {@code status}: {@code status = 'x'} or {@code status IN ('x', 'y')}, as literals. */
    public Condition predicate(Field<String> status) {
        List<Field<String>> literals = statuses.stream()
                .<Field<String>>map(s -> DSL.inline(s.dbValue()))
                .toList();
        return literals.size() == 1 ? status.eq(literals.getFirst()) : status.in(literals);
    }

    /** {@code status = 'x'}, and the group's predicate when the group has other statuses too. */
    public static Condition is(Field<String> status, TaskStatus value) {
        Condition exactly = status.eq(DSL.inline(value.dbValue()));
        StatusGroup group = of(value);
        return group.statuses.size() == 1 ? exactly : group.predicate(status).and(exactly);
    }
}
