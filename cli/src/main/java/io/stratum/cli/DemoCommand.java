package io.stratum.cli;

import io.stratum.InvalidInput;
import io.stratum.JdbcUrls;
import io.stratum.PoolSettings;
import io.stratum.Stratum;
import io.stratum.cli.demo.Swarm;
import io.stratum.cli.demo.Verification;
import io.stratum.cli.demo.Workload;
import io.stratum.queue.QueueSettings;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = {
            "Run an agent-swarm workload: submit a dependency graph of tasks (features planned, researched,"
                    + " designed, built, tested, reviewed, integrated; depth up to 6), drain it with workers on virtual"
                    + " threads that claim and finish tasks in batches, some failing once and retried, then verify that"
                    + " every task ran exactly once and after its dependencies.",
            "Needs a database without unfinished tasks: the workers take whatever is ready."
        })
final class DemoCommand extends DatabaseCommand {
    private static final int SUBMIT_BATCH = 2_000;

    @Option(
            names = "--tasks",
            paramLabel = "N",
            defaultValue = "20000",
            description = "Tasks to generate (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(
            names = "--workers",
            paramLabel = "N",
            defaultValue = "8",
            description = "Worker threads (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(
            names = "--batch",
            paramLabel = "N",
            defaultValue = "32",
            description = "Tasks per claim (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--failure-rate",
            paramLabel = "SHARE",
            defaultValue = "0.03",
            description = "Share of tasks whose first attempt fails (default: ${DEFAULT-VALUE}).")
    double failureRate;

    @Option(
            names = "--work",
            paramLabel = "DURATION",
            defaultValue = "2ms",
            description = "Longest simulated work per task (default: ${DEFAULT-VALUE}).")
    Duration work;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the generated workload (default: random).")
    Long seed;

    @Override
    Stratum open(StratumCommand root) {
        validate();
        // Retries come back after 100 ms, not the default 5 s, so that a demo run takes seconds.
        return root.openMigrated(
                root.builder(PoolSettings.defaults().withMaxSize(workers + 2).withMinIdle(0))
                        .queue(QueueSettings.defaults().withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2))));
    }

    @Override
    int run(Stratum db, Output out) {
        refuseUnfinishedTasks(db);
        long workloadSeed = seed != null ? seed : System.nanoTime();
        String label = "stratum-demo "
                + DateTimeFormatter.ISO_INSTANT.format(
                        OffsetDateTime.now(ZoneOffset.UTC).toInstant());
        Workload workload = Workload.generate(tasks, failureRate, workloadSeed, label);
        text(
                out,
                String.format(
                        Locale.ROOT,
                        "Workload: %,d tasks in %,d features, %,d dependencies, depth up to %d,"
                                + " %,d flaky (seed %d)",
                        tasks,
                        workload.features(),
                        workload.edges(),
                        Workload.MAX_DEPTH,
                        workload.flaky().size(),
                        workloadSeed));
        text(out, "Database: " + db.backendName() + " " + JdbcUrls.redact(root().url()));

        long submitStart = System.nanoTime();
        for (int i = 0; i < workload.tasks().size(); i += SUBMIT_BATCH) {
            List<NewTask> chunk =
                    workload.tasks().subList(i, Math.min(workload.tasks().size(), i + SUBMIT_BATCH));
            db.tasks().submitAll(chunk);
        }
        double submitSeconds = seconds(submitStart);
        text(
                out,
                String.format(
                        Locale.ROOT,
                        "Submitted in %.1f s (%,.0f tasks/s); %d workers claim %d at a time",
                        submitSeconds,
                        tasks / submitSeconds,
                        workers,
                        batch));

        Swarm swarm = new Swarm(db.queue(), workload.flaky(), tasks, batch, work);
        long runStart = System.nanoTime();
        Swarm.Outcome outcome;
        Progress progress = Progress.start("tasks", tasks, swarm::completed, err(), root().terminal());
        try {
            outcome = swarm.run(workers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            progress.close();
        }
        double runSeconds = seconds(runStart);
        Verification verification = Verification.of(db.dsl(), label, tasks, outcome);
        report(out, outcome, verification, submitSeconds, runSeconds);
        verification.problems().forEach(p -> err().println("stratum: verification failed: " + p));
        return verification.passed() ? 0 : 1;
    }

    private void report(
            Output out, Swarm.Outcome outcome, Verification verification, double submitSeconds, double runSeconds) {
        int claims = outcome.claims();
        double p50 = outcome.claimMillis(50);
        double p99 = outcome.claimMillis(99);
        if (out.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("tasks", tasks);
            json.put("workers", workers);
            json.put("batch", batch);
            json.put("statusCounts", verification.statusCounts());
            json.put("submitSeconds", submitSeconds);
            json.put("runSeconds", runSeconds);
            json.put("tasksPerSecond", tasks / runSeconds);
            json.put("claims", claims);
            json.put("claimLatencyP50Millis", p50);
            json.put("claimLatencyP99Millis", p99);
            json.put("retries", verification.storedRetries());
            json.put("dependencyEdges", verification.edges());
            json.put("verified", verification.passed());
            json.put("problems", verification.problems());
            out.json(json);
            return;
        }
        out.blank();
        Table counts = Table.withHeaders("STATUS", "TASKS").alignRight(1);
        verification.statusCounts().forEach((status, n) -> {
            if (n > 0) {
                counts.row(status, String.format(Locale.ROOT, "%,d", n));
            }
        });
        out.table(counts);
        out.blank();
        out.table(Table.keyValue()
                .row("wall time", String.format(Locale.ROOT, "%.1f s (+ %.1f s to submit)", runSeconds, submitSeconds))
                .row("throughput", String.format(Locale.ROOT, "%,.0f tasks/s", tasks / runSeconds))
                .row("claims", String.format(Locale.ROOT, "%,d, latency p50 %.1f ms, p99 %.1f ms", claims, p50, p99))
                .row(
                        "retries",
                        String.format(
                                Locale.ROOT,
                                "%,d (every simulated failure retried once)",
                                verification.storedRetries()))
                .row(
                        "verified",
                        verification.passed()
                                ? String.format(
                                        Locale.ROOT,
                                        "every task ran exactly once, after all its dependencies (%,d edges checked)",
                                        verification.edges())
                                : "NO: " + String.join("; ", verification.problems())));
    }

    private void validate() {
        requireRange("--tasks", tasks, 1, 1_000_000);
        requireRange("--workers", workers, 1, 256);
        requireRange("--batch", batch, 1, 1_000);
        if (failureRate < 0 || failureRate > 0.5) {
            throw new InvalidInput("--failure-rate", failureRate + " is outside 0..0.5");
        }
        if (work.isNegative() || work.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new InvalidInput("--work", work + " is outside 0..10s");
        }
    }

    private static void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInput(option, value + " is outside " + min + ".." + max);
        }
    }

    /** The workers would take whatever is ready, so other work must not be waiting in this database. */
    private static void refuseUnfinishedTasks(Stratum db) {
        long unfinished = 0;
        for (TaskStatus status :
                List.of(TaskStatus.PENDING, TaskStatus.BLOCKED, TaskStatus.READY, TaskStatus.RUNNING)) {
            unfinished += db.tasks().count(TaskFilters.builder().status(status).build());
        }
        if (unfinished > 0) {
            throw new InvalidInput(
                    "--url",
                    "the database has " + unfinished + " unfinished task(s) that the demo's"
                            + " workers would take; run the demo on another database, e.g. --url jdbc:sqlite:demo.db");
        }
    }

    private static void text(Output out, String line) {
        if (!out.json()) {
            out.line(line);
        }
    }

    private static double seconds(long startNanos) {
        return Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    }
}
