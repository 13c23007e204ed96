package io.stratum;

import io.stratum.task.TaskId;
import java.util.List;

/**
 * A task cannot be deleted while other tasks wait for it: they are {@code pending} or {@code blocked} with it among
 * their dependencies, and without it they would wait forever. Complete, cancel or delete them first.
 */
public final class TaskDependedOn extends Conflict {
    private final TaskId taskId;
    private final List<TaskId> waiting;

    /** {@code waiting}: some of the tasks that wait for {@code taskId} (at most a few, for the message). */
    public TaskDependedOn(TaskId taskId, List<TaskId> waiting) {
        super("task " + taskId + " cannot be deleted: tasks wait for it (" + names(waiting)
                + "); complete, cancel or delete them first");
        this.taskId = taskId;
        this.waiting = List.copyOf(waiting);
    }

    private static String names(List<TaskId> waiting) {
        return String.join(", ", waiting.stream().map(TaskId::toString).toList());
    }

    /** The task that was not deleted. */
    public TaskId taskId() {
        return taskId;
    }

    /** Some of the tasks that wait for it. */
    public List<TaskId> waiting() {
        return waiting;
    }
}
