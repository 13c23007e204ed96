package io.stratum.internal.audit;

import static io.stratum.codegen.jooq.Tables.AUDIT_LOG;
import static io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES;
import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;

import io.stratum.Retention;
import io.stratum.codegen.jooq.tables.MemoryEntries;
import io.stratum.codegen.jooq.tables.Tasks;
import io.stratum.internal.memory.MemoryRows;
import io.stratum.internal.tx.Database;
import io.stratum.internal.values.Arguments;
import io.stratum.internal.values.Paging;
import io.stratum.internal.values.Timestamps;
import io.stratum.task.TaskStatus;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * {@link Retention} as {@code DELETE ... WHERE id IN (SELECT id ... ORDER BY ... LIMIT n)}, one transaction per
 * batch, until a batch comes back short.
 */
public final class JooqRetention implements Retention {
    private static final List<String> FINISHED =
            List.of(TaskStatus.COMPLETED.dbValue(), TaskStatus.CANCELLED.dbValue());

    private final Database db;
    private final Clock clock;

    public JooqRetention(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public long purgeTasks(OffsetDateTime finishedBefore, int batchSize) {
        OffsetDateTime cutoff = cutoff("finishedBefore", finishedBefore, batchSize);
        Tasks candidate = TASKS.as("candidate");
        Tasks dependent = TASKS.as("dependent");
        return inBatches(
                batchSize,
                dsl -> dsl.deleteFrom(TASKS)
                        .where(TASKS.ID.in(DSL.select(candidate.ID)
                                .from(candidate)
                                .where(candidate.STATUS.in(FINISHED))
                                .and(candidate.COMPLETED_AT.lt(cutoff))
                                .andNotExists(DSL.selectOne()
                                        .from(TASK_DEPENDENCIES)
                                        .join(dependent)
                                        .on(dependent.ID.eq(TASK_DEPENDENCIES.TASK_ID))
                                        .where(TASK_DEPENDENCIES.DEPENDS_ON_ID.eq(candidate.ID))
                                        .and(dependent.STATUS.notIn(FINISHED)))
                                .orderBy(candidate.COMPLETED_AT)
                                .limit(batchSize)))
                        .execute());
    }

    @Override
    public long purgeAuditLog(OffsetDateTime writtenBefore, int batchSize) {
        OffsetDateTime cutoff = cutoff("writtenBefore", writtenBefore, batchSize);
        return inBatches(
                batchSize,
                dsl -> dsl.deleteFrom(AUDIT_LOG)
                        .where(AUDIT_LOG.ID.in(DSL.select(AUDIT_LOG.ID)
                                .from(AUDIT_LOG)
                                .where(AUDIT_LOG.AT.lt(cutoff))
                                .orderBy(AUDIT_LOG.AT)
                                .limit(batchSize)))
                        .execute());
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
        Select<Record1<UUID>> batch = DSL.select(version.ID)
                .from(version)
                .join(newest)
                .on(newest.NAMESPACE.eq(version.NAMESPACE).and(newest.KEY.eq(version.KEY)))
                .where(MemoryRows.isNewest(newest))
                .and(newest.DELETED_AT.lt(cutoff).or(newest.EXPIRES_AT.lt(cutoff)))
                .orderBy(version.NAMESPACE, version.KEY, version.VERSION)
                .limit(batchSize);
        return inBatches(
                batchSize,
                dsl -> dsl.deleteFrom(MEMORY_ENTRIES)
                        .where(MEMORY_ENTRIES.ID.in(batch))
                        .execute());
    }

    private static OffsetDateTime cutoff(String field, OffsetDateTime value, int batchSize) {
        Paging.limit("batchSize", batchSize);
        return Timestamps.normalize(Arguments.require(field, value));
    }

    private long inBatches(int batchSize, Function<DSLContext, Integer> deleteBatch) {
        long total = 0;
        int deleted;
        do {
            deleted = db.write(deleteBatch);
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
