package io.stratum.bench;

/**
 * {@code java -jar bench/target/stratum-bench.jar [--quick]}: runs every workload on SQLite, PostgreSQL and MariaDB,
 * prints the table and the targets, and writes the JSON report. See {@link Options#USAGE}.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jooq.no-logo", "true");
        quietLogging();
        Options options;
        try {
            options = ServerCheck.usable(Options.parse(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(Options.USAGE);
            return;
        }
        Report report = run(options, "java -jar bench/target/stratum-bench.jar " + String.join(" ", args));
        System.exit(report.rows().stream().allMatch(r -> r.outcome().ok()) ? 0 : 1);
    }

    /**
     * Runs the selected workloads, prints the table and targets, writes the JSON (which records
     * {@code command}); returns the report.
     */
    static Report run(Options options, String command) throws Exception {
        Machine machine = Machine.describe(options);
        System.out.println("Stratum benchmark (" + options.sizes().name() + "): " + machine.summary());
        Report report = new Report();
        Bench bench = new Bench(options.sizes(), options::serverUrl, report);
        for (BackendKind kind : options.backends()) {
            for (Options.Group group : options.groups()) {
                runGroup(bench, group, kind);
            }
        }
        System.out.println();
        System.out.print(ResultTable.render(report.rows()));
        System.out.println();
        System.out.println("Targets (ratios within this run):");
        report.targets().forEach(t -> System.out.println(t.line()));
        JsonReport.write(options.out(), machine, command, report);
        System.out.println();
        System.out.println("JSON: " + options.out().toAbsolutePath());
        return report;
    }

    private static void runGroup(Bench bench, Options.Group group, BackendKind kind) throws Exception {
        switch (group) {
            case ENQUEUE -> EnqueueGroup.run(bench, kind);
            case CLAIM -> ClaimGroup.run(bench, kind);
            case DAG -> DagGroup.run(bench, kind);
            case SCALE -> ScaleGroup.run(bench, kind);
            case BULK -> BulkGroup.run(bench, kind);
            case PEERS -> PeerGroup.run(bench, kind);
            case WAKEUP -> WakeUpGroup.run(bench, kind);
            case INDEXES -> IndexGroup.run(bench, kind);
        }
    }

    /** Progress lines from the harness; warnings only from everything else (Liquibase, JobRunr, pools). */
    static void quietLogging() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.stratum.bench", "info");
        System.setProperty("org.slf4j.simpleLogger.log.org.jobrunr", "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.jooq", "error");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.setProperty("liquibase.analytics.enabled", "false");
        // Liquibase logs through java.util.logging.
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(java.util.logging.Level.WARNING);
        for (java.util.logging.Handler handler : root.getHandlers()) {
            handler.setLevel(java.util.logging.Level.WARNING);
        }
    }
}
