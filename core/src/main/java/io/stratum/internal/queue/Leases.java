package io.stratum.internal.queue;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.InvalidInput;
import io.stratum.LeaseLost;
import io.stratum.NotFound;
import io.stratum.internal.values.Binds;
import io.stratum.internal.values.Timestamps;
import io.stratum.queue.Lease;
import io.stratum.queue.TaskQueue;
import io.stratum.task.TaskStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

/** Lease checks: the condition a lease holder's write carries, and why a lease no longer holds. */
final class Leases {
    private Leases() {}

    /** The row still carries the lease of this token and owner, and it has not expired at {@code now}. */
    static Condition held(UUID token, String owner, OffsetDateTime now) {
        return held(Binds.uuid(token), Binds.text(owner), Binds.timestamp(now));
    }

    /** {@link #held(UUID, String, OffsetDateTime)} with its values as fields (parameters of a template). */
    static Condition held(Field<UUID> token, Field<String> owner, Field<OffsetDateTime> now) {
        return TASKS.LEASE_TOKEN.eq(token).and(TASKS.LEASE_OWNER.eq(owner)).and(TASKS.LEASE_EXPIRES_AT.gt(now));
    }

    /** The error for a write through {@code lease} that matched no row: {@link NotFound} or {@link LeaseLost}. */
    static RuntimeException lost(DSLContext dsl, Lease lease, OffsetDateTime now) {
        Record row = dsl.select(TASKS.STATUS, TASKS.LEASE_TOKEN, TASKS.LEASE_OWNER, TASKS.LEASE_EXPIRES_AT)
                .from(TASKS)
                .where(TASKS.ID.eq(lease.taskId().value()))
                .fetchOne();
        if (row == null) {
            return new NotFound("task", lease.taskId());
        }
        String detail;
        if (!TaskStatus.RUNNING.dbValue().equals(row.get(TASKS.STATUS))) {
            detail = "the task is " + row.get(TASKS.STATUS);
        } else if (!lease.token().equals(row.get(TASKS.LEASE_TOKEN))
                || !lease.owner().equals(row.get(TASKS.LEASE_OWNER))) {
            // A stale lease and a made-up one look the same: say what is stored, nothing about the caller's claim.
            detail = "the lease presented is not the task's current lease, which is held by "
                    + row.get(TASKS.LEASE_OWNER) + " until " + Timestamps.normalize(row.get(TASKS.LEASE_EXPIRES_AT));
        } else {
            detail = "the lease expired at " + Timestamps.normalize(row.get(TASKS.LEASE_EXPIRES_AT)) + " (now " + now
                    + ")";
        }
        return new LeaseLost(lease.taskId(), detail);
    }

    /** A lease duration must be positive and at most {@link TaskQueue#MAX_LEASE}. */
    static void requireDuration(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidInput(field, value + " must be positive");
        }
        if (value.compareTo(TaskQueue.MAX_LEASE) > 0) {
            throw new InvalidInput(field, value + " is longer than " + TaskQueue.MAX_LEASE);
        }
    }

    /**
     * {@code entries} sorted by task id, the order rows are locked in, so that concurrent batches cannot
     * deadlock; refuses a null list or entry and a task given twice.
     */
    static <T> List<T> byTask(String field, List<T> entries, Function<T, Lease> lease) {
        if (entries == null) {
            throw new InvalidInput(field, "is required");
        }
        Set<UUID> seen = new HashSet<>();
        for (T entry : entries) {
            if (entry == null) {
                throw new InvalidInput(field, "contains null");
            }
            if (!seen.add(lease.apply(entry).taskId().value())) {
                throw new InvalidInput(field, "task " + lease.apply(entry).taskId() + " appears twice");
            }
        }
        List<T> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(e -> lease.apply(e).taskId()));
        return sorted;
    }
}
