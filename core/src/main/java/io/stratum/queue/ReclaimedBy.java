package io.stratum.queue;

/** What returned expired leases to the queue, as a {@link QueueObserver} is told. */
public enum ReclaimedBy {
    /** The sweep a claim runs before it claims, at most once per {@link QueueSettings#reclaimInterval()}. */
    CLAIM,
    /** A call of {@link TaskQueue#reclaimExpired()}. */
    RECLAIM_EXPIRED
}
