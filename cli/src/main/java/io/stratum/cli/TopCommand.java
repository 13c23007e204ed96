package io.stratum.cli;

import io.stratum.InvalidInput;
import io.stratum.Stratum;
import io.stratum.queue.QueueStats;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "top",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Show the queue live, refreshed every second until Ctrl-C: throughput, tasks by status and agent type,"
                    + " how long the oldest claimable task has waited, and the workers holding leases.",
            "Each refresh is one snapshot (see 'stratum stats'), a few index look-ups."
        })
final class TopCommand extends DatabaseCommand {
    private static final String CLEAR = "\033[H\033[2J";

    @Option(
            names = {"-n", "--iterations"},
            paramLabel = "N",
            description = "Stop after N refreshes (default: until Ctrl-C).")
    Integer iterations;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            defaultValue = "1s",
            converter = Converters.PositiveDuration.class,
            description = "Time between refreshes, e.g. 500ms, 2s (default: ${DEFAULT-VALUE}).")
    Duration interval;

    private Interruption interruption;

    @Override
    int run(Stratum db, Output out) {
        if (iterations != null && iterations < 1) {
            throw new InvalidInput("--iterations", iterations + " must be at least 1");
        }
        boolean terminal = System.console() != null && !out.json();
        interruption = Interruption.onShutdown();
        for (int i = 1; iterations == null || i <= iterations; i++) {
            try {
                show(db.queue().stats(), out, terminal);
            } catch (RuntimeException e) {
                if (interruption.stopping()) {
                    break; // Ctrl-C during a read: nothing to report
                }
                throw e;
            }
            if (iterations != null && i == iterations || !interruption.sleep(interval)) {
                break;
            }
        }
        interruption.clearInterrupt();
        return 0;
    }

    @Override
    void closed() {
        if (interruption != null) {
            interruption.close();
        }
    }

    private static void show(QueueStats stats, Output out, boolean terminal) {
        if (out.json()) {
            out.json(StatsView.json(stats));
            return;
        }
        if (terminal) {
            out.text(CLEAR);
        }
        out.line("stratum top  "
                + DateTimeFormatter.ISO_INSTANT.format(stats.at().truncatedTo(ChronoUnit.SECONDS))
                + "  throughput " + stats.completedInWindow() + " completed/min, " + stats.failedInWindow()
                + " failed/min");
        out.blank();
        out.table(StatsView.summary(stats));
        out.blank();
        out.table(StatsView.byAgentType(stats));
        out.blank();
        out.line(stats.runningByWorker().size() + " worker(s) holding leases");
        if (!stats.runningByWorker().isEmpty()) {
            out.table(StatsView.workers(stats));
        }
        out.blank();
        out.flush();
    }
}
