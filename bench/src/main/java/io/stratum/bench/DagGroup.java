package io.stratum.bench;

import java.util.List;
import java.util.Map;

/** Workload 5: a DAG end to end, on Stratum (it has no hand-written counterpart). */
final class DagGroup {
    private DagGroup() {}

    static void run(Bench bench, BackendKind kind) throws Exception {
        Sizes sizes = bench.sizes();
        String workload = "5 DAG depth " + sizes.dagDepth() + ", " + sizes.dagTasks() + " tasks";
        Map<String, Rounds.Outcome> outcomes;
        try (Closer closer = new Closer()) {
            ScratchDatabase database = closer.register(bench.migratedDatabase(kind));
            DagRun dag = closer.register(new DagRun(
                    new StratumQueue(database.url()),
                    sizes.dagWidth(),
                    sizes.dagDepth(),
                    sizes.dagWorkers(),
                    sizes.claimBatch()));
            outcomes = bench.measure(workload, kind, List.of(dag));
        }
        bench.addRows(
                workload,
                kind,
                outcomes,
                "",
                "submitAll + " + sizes.dagWorkers() + " workers claim " + sizes.claimBatch()
                        + " + completeAll; ops = tasks, end to end");
    }
}
