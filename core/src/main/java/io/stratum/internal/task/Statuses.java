package io.stratum.internal.task;

import io.stratum.task.TaskStatus;
import java.util.EnumSet;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Status conditions for statements that find their rows by key. */
public final class Statuses {
    private Statuses() {}

    /**
     * {@code status} is one of {@code statuses}, written as "none of the others". Without statistics (no
     * ANALYZE has run) SQLite's planner takes {@code status = 'ready'} for a selective condition and reads
     * every ready task through the partial index on that status instead of the few rows an {@code id IN (...)}
     * names. {@code NOT IN} matches no partial index's predicate and is no index condition on any backend, so
     * the key's index is used.
     */
    public static Condition oneOf(Field<String> status, Set<TaskStatus> statuses) {
        Set<TaskStatus> others = EnumSet.complementOf(EnumSet.copyOf(statuses));
        return others.isEmpty()
                ? DSL.noCondition()
                : status.notIn(others.stream().map(s -> DSL.inline(s.dbValue())).toList());
    }
}
