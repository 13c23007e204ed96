package io.stratum.task;

import io.stratum.ConstraintViolation;
import io.stratum.IllegalTransition;
import io.stratum.InvalidInput;
import io.stratum.NotFound;
import io.stratum.Page;
import io.stratum.PageRequest;
import io.stratum.StaleVersion;
import io.stratum.agent.AgentId;
import java.util.List;
import java.util.Optional;

/**
 * Stored tasks, with optimistic locking and a checked state machine.
 * Every method runs in its own transaction unless called inside {@code Stratum.transaction(...)}.
 */
public interface TaskRepository {

    /**
     * Stores a new task and returns its id; {@link #submitAll(List)} with one task.
     *
     * @throws InvalidInput if a dependency is unknown or cancelled, or the task depends on itself
     * @throws ConstraintViolation if a referenced session or parent does not exist
     */
    TaskId submit(NewTask task);

    /**
     * Stores the tasks in one transaction and returns their ids in the same order. Tasks may depend on tasks
     * stored earlier and on other tasks of the batch (give those an {@link NewTask.Builder#id(TaskId) id}).
     *
     * <p>A task starts {@code ready} when every dependency is completed, {@code blocked} when a dependency
     * failed or is blocked, else {@code pending}. Its {@code dependency_depth} is 1 + the largest depth of its
     * dependencies (0 without any), and its calculated priority follows the formula documented on
     * {@link Task#calculatedPriority()}.
     *
     * <p>A task whose idempotency key is already stored, or appears earlier in the batch, is not stored
     * again: its place in the result holds the existing task's id. This holds for concurrent submits from
     * any number of threads and processes too.
     *
     * @throws InvalidInput before anything is written, if a dependency is unknown or cancelled, a task
     *     depends on itself, the batch's dependencies form a cycle, or an id is taken or given twice
     * @throws ConstraintViolation if a referenced session or parent does not exist (nothing is written)
     */
    List<TaskId> submitAll(List<NewTask> tasks);

    /** The task with this id, if any. */
    Optional<Task> get(TaskId id);

    /** The task with this id; {@link NotFound} if there is none. */
    Task require(TaskId id);

    /**
     * Writes the editable fields of {@code task} if its {@link Task#version()} is still the stored one, and
     * returns the task as stored now (version + 1, calculated priority recomputed).
     *
     * @throws InvalidInput before anything is written, if an editable field breaks the rules of {@link NewTask}
     * @throws StaleVersion if another writer changed the task since it was read
     * @throws NotFound if the task was deleted
     */
    Task update(Task task);

    /**
     * Deletes the task and its dependency edges; returns whether it existed. Children keep living, unparented.
     *
     * @throws io.stratum.TaskDependedOn if {@code pending} or {@code blocked} tasks depend on it (nothing is deleted)
     */
    boolean delete(TaskId id);

    /**
     * One page of the tasks matching {@code filters}, by calculated priority (highest first), then submission time
     * (oldest first), then id. The cursor holds the position of the page's last task, so tasks stored or deleted
     * before that position while paging shift no later page. A task whose calculated priority changes while paging
     * moves in this order, and may be seen twice or not at all.
     *
     * @throws InvalidInput naming {@code cursor} if the page's cursor is not one this method returned
     */
    Page<Task> list(TaskFilters filters, PageRequest page);

    /** Number of tasks matching {@code filters}. */
    long count(TaskFilters filters);

    /**
     * Up to {@code limit} of the tasks a claim could take now: {@code ready} and past their {@code run_after} (a
     * task that failed an attempt stays {@code ready} but waits out its back-off first, and a task submitted with
     * {@link NewTask#runAfter()} waits for that time), in claim order: highest calculated priority first, then
     * oldest submitted. Does not claim them. How many ready tasks still wait for their time is
     * {@link io.stratum.queue.QueueStats#readyDelayed()}.
     *
     * @throws InvalidInput if {@code limit} is outside 1..{@value PageRequest#MAX_LIMIT}
     */
    List<Task> getReadyTasks(int limit);

    /**
     * Moves the task to {@code status} if the state machine allows it from the current status, atomically, and
     * records the change in the audit trail in the same transaction. This is a raw move for administration and
     * repair: it takes no lease and does not promote, block or cancel other tasks. Workers use
     * {@code Stratum#queue()}.
     *
     * @throws IllegalTransition if the move is not allowed from the stored status
     * @throws NotFound if there is no such task
     */
    Task updateStatus(TaskId id, TaskStatus status);

    /**
     * Records that the registered agent {@code agentId} runs (or ran) the task; returns the task as stored now
     * (version + 1).
     *
     * @throws ConstraintViolation ({@code fk_tasks_agent}) if there is no such agent
     * @throws NotFound if there is no such task
     */
    Task assignAgent(TaskId id, AgentId agentId);
}
