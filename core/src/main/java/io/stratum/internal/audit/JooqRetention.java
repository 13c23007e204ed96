package io.stratum.internal.audit;

import static io.stratum.codegen.jooq.Tables.AUDIT_LOG;
import static io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES;
import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;

import io.stratum.Retention;
import io.stratum.codegen.jooq.tables.MemoryEntries;
import io.stratum.codegen.jooq.tables.Tasks;
import io.stratum.internal.memory.MemoryRows;
import io.stratum.internal.task.StatusGroup;
import io.stratum.internal.tx.Database;
import io.stratum.internal.values.Arguments;
import io.stratum.internal.values.Paging;
import io.stratum.internal.values.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectForUpdateStep;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * {@link Retention} in batches, one transaction each, until a batch comes back short: a batch selects (and, where
 * the backend has row locks, locks) the ids of up to {@code n} rows in purge order, then deletes those rows by key.
 * A single {@code DELETE ... WHERE id IN (SELECT ... LIMIT n)} reads the whole table on MariaDB, which cannot turn
 * the subquery of a single-table {@code DELETE} into a join, and on PostgreSQL whenever the planner guesses more
 * rows than the batch has. The lock keeps a concurrent transaction from adding a dependency on a task being purged
 * (the foreign key's check waits for it, then fails).
 */
public final class JooqRetention implements Retention {
    private final Database db;
    private final Clock clock;
    private final boolean rowLocks;

    public JooqRetention(Database db, Clock clock, boolean rowLocks) {
        this.db = db;
        this.clock = clock;
        this.rowLocks = rowLocks;
    }

    @Override
    public long purgeTasks(OffsetDateTime finishedBefore, int batchSize) {
        OffsetDateTime cutoff = cutoff("finishedBefore", finishedBefore, batchSize);
        Tasks candidate = TASKS.as("candidate");
        Tasks dependent = TASKS.as("dependent");
        return inBatches(
                batchSize,
                TASKS.ID,
                DSL.select(candidate.ID)
                        .from(candidate)
                        .where(StatusGroup.FINISHED.predicate(candidate.STATUS))
                        .and(candidate.COMPLETED_AT.lt(cutoff))
                        .andNotExists(DSL.selectOne()
                                .from(TASK_DEPENDENCIES)
                                .join(dependent)
                                .on(dependent.ID.eq(TASK_DEPENDENCIES.TASK_ID))
                                .where(TASK_DEPENDENCIES.DEPENDS_ON_ID.eq(candidate.ID))
                                .andNot(StatusGroup.FINISHED.predicate(dependent.STATUS)))
                        .orderBy(candidate.COMPLETED_AT)
                        .limit(DSL.inline(batchSize)));
    }

    @Override
    public long purgeAuditLog(OffsetDateTime writtenBefore, int batchSize) {
        OffsetDateTime cutoff = cutoff("writtenBefore", writtenBefore, batchSize);
        return inBatches(
                batchSize,
                AUDIT_LOG.ID,
                DSL.select(AUDIT_LOG.ID)
                        .from(AUDIT_LOG)
                        .where(AUDIT_LOG.AT.lt(cutoff))
                        .orderBy(AUDIT_LOG.AT)
                        .limit(DSL.inline(batchSize)));
    }

    @Override
    public long purgeMemory(OffsetDateTime deadBefore, int batchSize) {
        OffsetDateTime requested = cutoff("deadBefore", deadBefore, batchSize);
        OffsetDateTime now = Timestamps.now(clock);
        // An entry that expires later than now is still alive, whatever the caller asked.
        OffsetDateTime cutoff = requested.isAfter(now) ? now : requested;
        MemoryEntries version = MEMORY_ENTRIES.as("version");
        MemoryEntries newest = MEMORY_ENTRIES.as("newest");
        // Oldest versions first: a key's newest version, which makes it dead, goes in its last batch.
        return inBatches(
                batchSize,
                MEMORY_ENTRIES.ID,
                DSL.select(version.ID)
                        .from(version)
                        .join(newest)
                        .on(newest.NAMESPACE.eq(version.NAMESPACE).and(newest.KEY.eq(version.KEY)))
                        .where(MemoryRows.isNewest(newest))
                        .and(newest.DELETED_AT.lt(cutoff).or(newest.EXPIRES_AT.lt(cutoff)))
                        .orderBy(version.NAMESPACE, version.KEY, version.VERSION)
                        .limit(DSL.inline(batchSize)));
    }

    private static OffsetDateTime cutoff(String field, OffsetDateTime value, int batchSize) {
        Paging.limit("batchSize", batchSize);
        return Timestamps.normalize(Arguments.require(field, value));
    }

    private long inBatches(int batchSize, TableField<?, UUID> id, SelectForUpdateStep<Record1<UUID>> candidates) {
        Select<Record1<UUID>> batch = rowLocks ? candidates.forUpdate() : candidates;
        long total = 0;
        int found;
        do {
            int[] counts = db.write(dsl -> {
                List<UUID> ids = dsl.fetchValues(batch);
                int deleted = ids.isEmpty()
                        ? 0
                        : dsl.deleteFrom(id.getTable()).where(id.in(ids)).execute();
                return new int[] {ids.size(), deleted};
            });
            found = counts[0];
            total += counts[1];
        } while (found == batchSize);
        return total;
    }
}
