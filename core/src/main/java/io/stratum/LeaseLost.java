package io.stratum;

/**
 * The caller tried to finish or extend a task through a lease that is not the task's current lease:
 * the lease expired and the task was reclaimed, or it was finished or cancelled meanwhile.
 */
public final class LeaseLost extends Conflict {
    private final String taskId;

    public LeaseLost(Object taskId, String detail) {
        super("lease on task " + taskId + " is no longer held: " + detail);
        this.taskId = String.valueOf(taskId);
    }

    public String taskId() {
        return taskId;
    }
}
