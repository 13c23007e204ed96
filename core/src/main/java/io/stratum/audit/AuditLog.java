package io.stratum.audit;

import java.util.List;

/**
 * The audit trail. Stratum writes a row for every task status change ({@link AuditActions#TASK_STATUS}) and every
 * memory write ({@link AuditActions#MEMORY_PUT}, {@link AuditActions#MEMORY_DELETE}) in the transaction that makes
 * the change, so a change that is rolled back leaves no row; {@code Stratum.builder().audit(false)} switches these
 * rows off. The application may add rows of its own, in its transactions, with {@link #record}; those are written
 * whatever that switch says.
 *
 * <pre>{@code
 * List<AuditEntry> history = db.audit().query(AuditQuery.builder()
 *         .entity(AuditActions.TASK, taskId.toString())
 *         .between(since, null)
 *         .build());
 * }</pre>
 */
public interface AuditLog {

    /** Writes {@code record} now and returns the stored row. */
    AuditEntry record(AuditRecord record);

    /** Rows matching {@code query}, oldest first. */
    List<AuditEntry> query(AuditQuery query);
}
