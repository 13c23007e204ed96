package io.stratum.bench;

import java.util.List;
import java.util.Map;

/**
 * Workloads 3 and 4: draining a pre-filled queue with 1, 4 and 8 workers, one task per claim and then in
 * batches, Stratum against the hand-written baseline, and that baseline's claim on a table with nothing else to
 * maintain ({@link MinimalQueue}), the physical limit.
 */
final class ClaimGroup {
    /** Stratum without automatic audit rows: the same writes as the baseline, which keeps no audit trail. */
    static final String SAME_WORK = "stratum, no audit";

    private ClaimGroup() {}

    static String single(int workers) {
        return "3 claim 1 + complete, " + workers + (workers == 1 ? " worker" : " workers");
    }

    static String batched(int batch, int workers) {
        return "4 claim " + batch + " + completeAll, " + workers + (workers == 1 ? " worker" : " workers");
    }

    static void run(Bench bench, BackendKind kind) throws Exception {
        Sizes sizes = bench.sizes();
        for (int workers : sizes.claimWorkers()) {
            measure(bench, kind, single(workers), workers, 1, sizes.claimOnePerRound());
            bench.throughputTarget(
                    "claim 1 + complete x" + workers + ", " + SAME_WORK + " vs jdbc",
                    kind,
                    single(workers),
                    SAME_WORK,
                    single(workers),
                    "jdbc",
                    0.9);
        }
        for (int workers : sizes.claimWorkers()) {
            String workload = batched(sizes.claimBatch(), workers);
            measure(bench, kind, workload, workers, sizes.claimBatch(), sizes.claimBatchPerRound());
            bench.throughputTarget(
                    "claim " + sizes.claimBatch() + " x" + workers + ", " + SAME_WORK + " vs jdbc claim 1",
                    kind,
                    workload,
                    SAME_WORK,
                    single(workers),
                    "jdbc",
                    3.0);
        }
    }

    private static void measure(Bench bench, BackendKind kind, String workload, int workers, int batch, int perRound)
            throws Exception {
        Map<String, Rounds.Outcome> outcomes;
        try (Closer closer = new Closer()) {
            ScratchDatabase a = closer.register(bench.migratedDatabase(kind));
            ScratchDatabase b = closer.register(bench.migratedDatabase(kind));
            ScratchDatabase c = closer.register(bench.migratedDatabase(kind));
            ScratchDatabase d = closer.register(bench.emptyDatabase(kind));
            List<Contender> contenders = List.of(
                    closer.register(new ClaimComplete<>(
                            "stratum",
                            new StratumQueue(a.url()),
                            new TaskLoader(kind, a.url()),
                            workers,
                            batch,
                            perRound)),
                    closer.register(new ClaimComplete<>(
                            SAME_WORK,
                            new StratumQueue(b.url(), false),
                            new TaskLoader(kind, b.url()),
                            workers,
                            batch,
                            perRound)),
                    closer.register(new ClaimComplete<>(
                            "jdbc",
                            new JdbcQueue(kind, c.url()),
                            new TaskLoader(kind, c.url()),
                            workers,
                            batch,
                            perRound)),
                    closer.register(new ClaimComplete<>(
                            MinimalQueue.SYSTEM,
                            MinimalQueue.create(kind, d.url()),
                            MinimalQueue.loader(kind, d.url()),
                            workers,
                            batch,
                            perRound)));
            outcomes = bench.measure(workload, kind, contenders);
        }
        bench.addRows(
                workload,
                kind,
                outcomes,
                "jdbc",
                perRound + " tasks per round; ops = tasks, latency per "
                        + (batch == 1 ? "claim + complete" : "claim + completeAll"));
    }
}
