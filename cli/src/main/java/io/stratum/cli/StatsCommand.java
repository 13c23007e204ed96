package io.stratum.cli;

import io.stratum.Stratum;
import io.stratum.queue.QueueStats;
import picocli.CommandLine.Command;

@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Print a snapshot of the queue: tasks by status and agent type, how long the oldest claimable task has"
                    + " waited, expired leases, and what finished in the last minute.",
            "Counts of completed and cancelled tasks cover the last minute only; the others are exact."
        })
final class StatsCommand extends DatabaseCommand {

    @Override
    int run(Stratum db, Output out) {
        QueueStats stats = db.queue().stats();
        if (out.json()) {
            out.json(StatsView.json(stats));
            return 0;
        }
        out.table(StatsView.summary(stats));
        out.blank();
        out.table(StatsView.byAgentType(stats));
        if (!stats.runningByWorker().isEmpty()) {
            out.blank();
            out.table(StatsView.workers(stats));
        }
        return 0;
    }
}
