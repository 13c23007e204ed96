package io.stratum.bench;

/**
 * The no-op job {@link JobRunrDrain} enqueues. JobRunr runs a job by calling, through reflection, the
 * method named in the enqueued lambda, so it lives in a public class and reports to a static counter.
 */
public final class JobRunrJobs {
    static volatile ExecutionCounter counter;

    private JobRunrJobs() {}

    /** The job. */
    public static void noop(int n) {
        counter.executed();
    }
}
