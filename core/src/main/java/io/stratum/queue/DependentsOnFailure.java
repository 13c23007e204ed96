package io.stratum.queue;

/** What happens to the tasks that (transitively) depend on a task that failed for good. */
public enum DependentsOnFailure {
    /**
     * They become {@code blocked} and wait; {@link TaskQueue#retry} of the failed task returns them to
     * {@code pending} unless another failed dependency still holds them.
     */
    BLOCK,
    /** They are cancelled, as by {@link TaskQueue#cancel}. */
    CANCEL
}
