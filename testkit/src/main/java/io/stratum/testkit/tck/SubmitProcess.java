package io.stratum.testkit.tck;

import io.stratum.Stratum;
import io.stratum.task.NewTask;

/** The submitting JVM of {@link WakeUpContract}: {@code <jdbc url>}; submits one task and exits. */
public final class SubmitProcess {
    /** The summary of the task it submits. */
    static final String SUMMARY = "from another process";

    private SubmitProcess() {}

    public static void main(String[] args) {
        try (Stratum db = Stratum.builder().url(args[0]).open()) {
            db.tasks().submit(NewTask.builder(SUMMARY, "coder").build());
        }
    }
}
