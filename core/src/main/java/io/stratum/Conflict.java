package io.stratum;

/**
 * The operation was valid when it was prepared but the stored state has moved on: another writer changed
 * the row ({@link StaleVersion}), the caller's lease is no longer current ({@link LeaseLost}), the
 * entity is in a state from which the requested change is not allowed ({@link IllegalTransition}), or other tasks
 * still wait for a task to be deleted ({@link TaskDependedOn}).
 * Re-read and decide again; blind retrying does not help.
 */
public abstract sealed class Conflict extends StratumException
        permits StaleVersion, LeaseLost, IllegalTransition, TaskDependedOn {
    protected Conflict(String message) {
        super(ErrorCode.CONFLICT, message, null);
    }
}
