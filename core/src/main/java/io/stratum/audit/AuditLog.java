package io.stratum.audit;

import io.stratum.InvalidInput;
import io.stratum.Page;
import io.stratum.PageRequest;

/**
 * The audit trail. Stratum writes a row for every task status change ({@link AuditActions#TASK_STATUS}) and every
 * memory write ({@link AuditActions#MEMORY_PUT}, {@link AuditActions#MEMORY_DELETE}) in the transaction that makes
 * the change, so a change that is rolled back leaves no row; {@code Stratum.builder().audit(false)} switches these
 * rows off. The application may add rows of its own, in its transactions, with {@link #record}; those are written
 * whatever that switch says.
 *
 * <pre>{@code
 * Page<AuditEntry> history = db.audit().query(AuditQuery.builder()
 *         .entity(AuditActions.TASK, taskId.toString())
 *         .between(since, null)
 *         .build(), PageRequest.first());
 * }</pre>
 */
public interface AuditLog {

    /** Writes {@code record} now and returns the stored row. */
    AuditEntry record(AuditRecord record);

    /**
     * One page of the rows matching {@code query}, oldest first, then by id. The cursor holds the position of the
     * page's last row, so rows written while paging shift no later page.
     *
     * @throws InvalidInput naming {@code cursor} if the page's cursor is not one this method returned
     */
    Page<AuditEntry> query(AuditQuery query, PageRequest page);
}
