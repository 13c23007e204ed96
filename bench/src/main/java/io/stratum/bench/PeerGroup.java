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

    private PeerGroup() {}

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
            if (kind == BackendKind.POSTGRESQL) {
                ScratchDatabase c = closer.register(bench.emptyDatabase(kind));
                contenders.add(closer.register(new DbSchedulerDrain(c, threads, tasks, sizes.peerTimeout())));
            }
            ScratchDatabase d = closer.register(bench.emptyDatabase(kind));
            contenders.add(closer.register(new JobRunrDrain(d, threads, tasks, sizes.peerTimeout())));
            outcomes = bench.measure(WORKLOAD, kind, contenders);
        }
        bench.addRows(
                WORKLOAD,
                kind,
                outcomes,
                batched,
                tasks + " no-op tasks, " + threads + " worker threads; peers timed from first to last execution");
        if (kind == BackendKind.SQLITE) {
            bench.report()
                    .add(Row.of(
                            WORKLOAD,
                            kind,
                            "db-scheduler",
                            Rounds.Outcome.notApplicable("n/a: db-scheduler does not support SQLite"),
                            null));
        }
        for (String peer : List.of("db-scheduler", "jobrunr")) {
            bench.throughputTarget(batched + " vs " + peer, kind, WORKLOAD, batched, WORKLOAD, peer, 2.0);
        }
    }
}
