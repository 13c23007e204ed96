package io.stratum.queue;

import io.stratum.task.Task;

/**
 * A task handed to a worker by {@link TaskQueue#claim}, as stored right after the claim (status
 * {@code running}), with the lease that finishes it.
 */
public record Claimed(Task task, Lease lease) {}
