package io.stratum;

import java.time.OffsetDateTime;

/**
 * Removes data that is no longer needed, in batches: each batch of at most {@code batchSize} rows is deleted in a
 * transaction of its own, so no table is locked for long (on SQLite other writers get a turn between batches) and
 * a purge can be interrupted and resumed at any time. Each method returns the number of rows deleted. Called inside
 * a transaction's work, every batch joins that transaction instead.
 *
 * <pre>{@code
 * OffsetDateTime monthAgo = OffsetDateTime.now().minusDays(30);
 * long tasks = db.retention().purgeTasks(monthAgo, 500);
 * long audit = db.retention().purgeAuditLog(monthAgo, 500);
 * }</pre>
 */
public interface Retention {

    /**
     * Deletes completed and cancelled tasks that finished before {@code finishedBefore}, with their dependency edges.
     * A task that an unfinished task (any status but completed or cancelled) still depends on is kept, so that no
     * waiting task loses a dependency.
     *
     * @param batchSize 1..10000
     */
    long purgeTasks(OffsetDateTime finishedBefore, int batchSize);

    /** Deletes audit rows written before {@code writtenBefore}. */
    long purgeAuditLog(OffsetDateTime writtenBefore, int batchSize);

    /**
     * Deletes every stored version of the memory keys that are dead since before {@code deadBefore}: their newest
     * version records a delete made before then, or expired before then.
     */
    long purgeMemory(OffsetDateTime deadBefore, int batchSize);
}
