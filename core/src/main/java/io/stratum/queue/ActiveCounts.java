package io.stratum.queue;

/**
 * Exact numbers of tasks in the statuses that can still run, for the whole queue or for one agent type.
 *
 * @param pending tasks waiting for their dependencies
 * @param blocked tasks whose dependency failed (they wait for that task's retry)
 * @param ready tasks a worker may claim, those whose {@code run_after} is still ahead included
 * @param running tasks under a lease, expired leases included
 */
public record ActiveCounts(long pending, long blocked, long ready, long running) {
    /** No tasks. */
    public static final ActiveCounts NONE = new ActiveCounts(0, 0, 0, 0);

    public ActiveCounts {
        if (pending < 0 || blocked < 0 || ready < 0 || running < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** The sum of the four counts. */
    public long total() {
        return pending + blocked + ready + running;
    }

    /** These counts plus {@code other}'s. */
    public ActiveCounts plus(ActiveCounts other) {
        return new ActiveCounts(
                pending + other.pending, blocked + other.blocked, ready + other.ready, running + other.running);
    }
}
