package io.stratum.queue;

import io.stratum.task.TaskRepository;

/** A call of the queue (or a submit) that a {@link QueueObserver} is told about when it ends. */
public enum QueueOperation {
    /** {@link TaskRepository#submit} and {@link TaskRepository#submitAll}. */
    SUBMIT,
    /** {@link TaskQueue#claim}, with or without a wait; one report per call, however long it waited. */
    CLAIM,
    /** {@link TaskQueue#complete} and {@link TaskQueue#completeAll}. */
    COMPLETE,
    /** {@link TaskQueue#fail} and {@link TaskQueue#failAll}. */
    FAIL,
    /** {@link TaskQueue#heartbeat}. */
    HEARTBEAT,
    /** {@link TaskQueue#reclaimExpired}. */
    RECLAIM_EXPIRED,
    /** {@link TaskQueue#cancel}. */
    CANCEL,
    /** {@link TaskQueue#retry}. */
    RETRY
}
