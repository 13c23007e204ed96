package io.stratum.bench;

import java.time.Duration;
import java.util.List;

/**
 * What workloads 1-4 need from a queue, so that the same workload code drives Stratum and the hand-written
 * baseline. {@code L} is the system's lease type.
 */
interface QueueClient<L> extends AutoCloseable {

    String system();

    /** Enqueues one task in a transaction of its own. */
    void submit(BenchTask task) throws Exception;

    /** Enqueues all {@code tasks} in one transaction. */
    void submitAll(List<BenchTask> tasks) throws Exception;

    /** Claims up to {@code max} ready tasks for {@code worker}, in one transaction. */
    List<L> claim(String worker, int max, Duration lease) throws Exception;

    /** Completes one claimed task (and promotes its dependents) in one transaction. */
    void complete(L lease) throws Exception;

    /** Completes all {@code leases} in one transaction. */
    void completeAll(List<L> leases) throws Exception;

    /** Number of tasks in {@code status} (a database value such as {@code completed}), for checks. */
    long count(String status) throws Exception;
}
