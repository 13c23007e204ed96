package io.stratum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Workloads 1 and 2: Stratum against the hand-written baseline, each on a database of its own. */
final class EnqueueGroup {
    private EnqueueGroup() {}

    static void run(Bench bench, BackendKind kind) throws Exception {
        Sizes sizes = bench.sizes();
        String one = "1 enqueue, 1 per tx";
        String batched = "2 enqueue, " + sizes.batchSize() + " per tx";
        measure(bench, kind, one, 1, sizes.enqueueOnePerRound());
        measure(bench, kind, batched, sizes.batchSize(), sizes.enqueueBatchPerRound());
        bench.throughputTarget("enqueue 1/tx, stratum vs jdbc", kind, one, "stratum", one, "jdbc", 0.9);
        bench.throughputTarget("enqueue batched, stratum vs jdbc", kind, batched, "stratum", batched, "jdbc", 0.9);
    }

    private static void measure(Bench bench, BackendKind kind, String workload, int batchSize, int perRound)
            throws Exception {
        int threads = bench.sizes().enqueueThreads();
        Map<String, Rounds.Outcome> outcomes;
        try (Closer closer = new Closer()) {
            ScratchDatabase a = closer.register(bench.migratedDatabase(kind));
            ScratchDatabase b = closer.register(bench.migratedDatabase(kind));
            List<Contender> contenders = new ArrayList<>(List.of(
                    closer.register(new Enqueue<>(new StratumQueue(a.url()), threads, perRound, batchSize)),
                    closer.register(new Enqueue<>(new JdbcQueue(kind, b.url()), threads, perRound, batchSize))));
            if (kind == BackendKind.POSTGRESQL) {
                // The same submits without the notification that wakes waiting claims in other processes: what
                // the notification costs, PostgreSQL serialising the commits of notifying transactions.
                ScratchDatabase c = closer.register(bench.migratedDatabase(kind));
                contenders.add(
                        closer.register(new Enqueue<>(StratumQueue.polling(c.url()), threads, perRound, batchSize)));
            }
            outcomes = bench.measure(workload, kind, contenders);
        }
        String unit = batchSize == 1 ? "task" : "tasks";
        bench.addRows(
                workload,
                kind,
                outcomes,
                "jdbc",
                threads + " threads; ops = tasks, latency per call (" + batchSize + " " + unit + ")");
    }
}
