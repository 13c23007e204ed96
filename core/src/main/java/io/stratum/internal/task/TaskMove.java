package io.stratum.internal.task;

import io.stratum.task.TaskStatus;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * One kind of status change for {@link TaskTransitions#move}: tasks in any of {@code from} move to {@code to}, with
 * more {@code columns} set, if they also match {@code guard}; the audit rows name {@code actor} (null: the store's).
 */
public record TaskMove(
        Set<TaskStatus> from, TaskStatus to, Map<Field<?>, Object> columns, Condition guard, String actor) {

    public TaskMove {
        from = Collections.unmodifiableSet(EnumSet.copyOf(from));
        columns = Collections.unmodifiableMap(new HashMap<>(columns));
    }

    public static TaskMove of(Set<TaskStatus> from, TaskStatus to) {
        return new TaskMove(from, to, Map.of(), DSL.noCondition(), null);
    }

    public static TaskMove of(TaskStatus from, TaskStatus to) {
        return of(EnumSet.of(from), to);
    }

    /** This move, also setting {@code column} (null allowed). */
    public <T> TaskMove set(Field<T> column, T value) {
        Map<Field<?>, Object> more = new HashMap<>(columns);
        more.put(column, value);
        return new TaskMove(from, to, more, guard, actor);
    }

    /** This move, also setting {@code column} to {@code expression}, which may read the row's columns. */
    public <T> TaskMove setTo(Field<T> column, Field<T> expression) {
        Map<Field<?>, Object> more = new HashMap<>(columns);
        more.put(column, expression);
        return new TaskMove(from, to, more, guard, actor);
    }

    /** This move, only for tasks that also match {@code condition}. */
    public TaskMove where(Condition condition) {
        return new TaskMove(from, to, columns, guard.and(condition), actor);
    }

    /** This move, audited as done by {@code who}. */
    public TaskMove by(String who) {
        return new TaskMove(from, to, columns, guard, who);
    }
}
