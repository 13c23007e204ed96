package io.stratum;

/** A status change that the task state machine does not allow from the task's current status. */
public final class IllegalTransition extends Conflict {
    private final String taskId;
    private final String from;
    private final String to;

    public IllegalTransition(Object taskId, String from, String to) {
        super("task " + taskId + " cannot move from " + from + " to " + to);
        this.taskId = String.valueOf(taskId);
        this.from = from;
        this.to = to;
    }

    public String taskId() {
        return taskId;
    }

    /** Status the task had. */
    public String from() {
        return from;
    }

    /** Status that was requested. */
    public String to() {
        return to;
    }
}
