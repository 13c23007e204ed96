package io.stratum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Peer job systems draining the same number of pre-filled no-op tasks with the same number of worker threads
 * as Stratum, each on a database of its own on the same server. Throughput is executed tasks per second.
 */
final class PeerGroup {
    static final String WORKLOAD = "P drain pre-filled queue";

    /**
     * JobRunr's {@code MariaDbStorageProvider} (8.3.1 to 8.7.0) refuses Connector/J 4.0: it takes a driver of major
     * version 3 or more and minor version below 2 for the 3.0 and 3.1 releases, whose bulk batches hide the update
     * counts its optimistic locking checks, and demands {@code useBulkStmts=false} in
     * {@code DatabaseMetaData.getURL()}; 4.0 leaves defaults out of that URL and writes an explicit
     * {@code useBulkStmts=false} as {@code useBulkStmtsForInserts=false}, so the text is never there.
     */
    private static final String JOBRUNR_ON_MARIADB =
            "n/a: JobRunr 8.7.0's MariaDbStorageProvider rejects Connector/J 4.0 (driver version check)";

    private PeerGroup() {}

    private static void notApplicable(Bench bench, BackendKind kind, String system, String why) {
        bench.report().add(Row.of(WORKLOAD, kind, system, Rounds.Outcome.notApplicable(why), null));
    }

    static void run(Bench bench, BackendKind kind) throws Exception {
        Sizes sizes = bench.sizes();
        int threads = sizes.peerThreads();
        int tasks = sizes.peerTasks();
        String batched = "stratum claim " + sizes.claimBatch();
        Map<String, Rounds.Outcome> outcomes;
        try (Closer closer = new Closer()) {
            List<Contender> contenders = new ArrayList<>();
            ScratchDatabase a = closer.register(bench.migratedDatabase(kind));
            contenders.add(closer.register(new ClaimComplete<>(
                    batched,
                    new StratumQueue(a.url()),
                    new TaskLoader(kind, a.url()),
                    threads,
                    sizes.claimBatch(),
                    tasks)));
            ScratchDatabase b = closer.register(bench.migratedDatabase(kind));
            contenders.add(closer.register(new ClaimComplete<>(
                    "stratum claim 1", new StratumQueue(b.url()), new TaskLoader(kind, b.url()), threads, 1, tasks)));
            ScratchDatabase c = closer.register(bench.emptyDatabase(kind));
            contenders.add(closer.register(new DbSchedulerDrain(c, threads, tasks, sizes.peerTimeout())));
            if (kind != BackendKind.MARIADB) {
                ScratchDatabase d = closer.register(bench.emptyDatabase(kind));
                contenders.add(closer.register(new JobRunrDrain(d, threads, tasks, sizes.peerTimeout())));
            }
            outcomes = bench.measure(WORKLOAD, kind, contenders);
        }
        bench.addRows(
                WORKLOAD,
                kind,
                outcomes,
                batched,
                tasks + " no-op tasks, " + threads + " worker threads; peers timed from first to last execution");
        if (kind == BackendKind.MARIADB) {
            notApplicable(bench, kind, "jobrunr", JOBRUNR_ON_MARIADB);
        }
        // The goals: twice db-scheduler's drain, three times JobRunr's.
        bench.throughputTarget(batched + " vs db-scheduler", kind, WORKLOAD, batched, WORKLOAD, "db-scheduler", 2.0);
        bench.throughputTarget(batched + " vs jobrunr", kind, WORKLOAD, batched, WORKLOAD, "jobrunr", 3.0);
    }
}
