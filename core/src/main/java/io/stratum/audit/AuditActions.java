package io.stratum.audit;

/** The entity types and actions of the audit rows Stratum writes itself. */
public final class AuditActions {
    /** Entity type of tasks; the entity id is the task id. */
    public static final String TASK = "task";
    /** Entity type of memory entries; the entity id is {@code namespace#key}. */
    public static final String MEMORY = "memory";

    /** A task changed status: before and after hold {@code status} and {@code version}. */
    public static final String TASK_STATUS = "task.status";
    /** A memory entry got a new version: before (if any) and after hold {@code version} and {@code value}. */
    public static final String MEMORY_PUT = "memory.put";
    /** A memory entry was soft-deleted: before holds the deleted version, after the version recording the delete. */
    public static final String MEMORY_DELETE = "memory.delete";

    private AuditActions() {}
}
