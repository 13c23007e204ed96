package io.stratum.bench;

import java.util.List;
import java.util.Map;

/**
 * Workload 6: does reading and claiming slow down as the table grows? Latency of {@code getReadyTasks(10)}
 * and {@code claim(1)} with 10k, 100k and 1M ready tasks, each size on a database of its own filled in
 * batches beforehand. Rows at larger sizes compare their p99 with the smallest size's.
 */
final class ScaleGroup {
    private ScaleGroup() {}

    static String workload(ScaleProbe.Call call, int tasks) {
        return "6 " + call.label + " at " + count(tasks) + " tasks";
    }

    static void run(Bench bench, BackendKind kind) throws Exception {
        Sizes sizes = bench.sizes();
        Report report = bench.report();
        List<Integer> scale = sizes.scaleTasks();
        for (int tasks : scale) {
            Map<String, Rounds.Outcome> outcomes;
            try (ScratchDatabase database = bench.migratedDatabase(kind);
                    Closer closer = new Closer()) {
                new TaskLoader(kind, database.url()).fillReady(tasks);
                List<ScaleProbe> probes = List.of(
                        closer.register(new ScaleProbe(
                                new StratumQueue(database.url()), ScaleProbe.Call.READY, sizes.scaleCalls())),
                        closer.register(new ScaleProbe(
                                new StratumQueue(database.url()), ScaleProbe.Call.CLAIM, sizes.scaleCalls())));
                outcomes = bench.measure("6 latency at " + count(tasks) + " tasks", kind, probes);
            }
            for (ScaleProbe.Call call : ScaleProbe.Call.values()) {
                Rounds.Outcome outcome = outcomes.get(call.label);
                Row row = Row.of(
                        workload(call, tasks), kind, "stratum", outcome, "1 thread; ops = calls, latency per call");
                var smallest = report.find(workload(call, scale.getFirst()), kind, "stratum");
                if (tasks != scale.getFirst() && outcome.measurement() != null && smallest.isPresent()) {
                    row = row.comparedWith(
                            "p99 at " + count(scale.getFirst()),
                            outcome.measurement().latencyMicros(99)
                                    / smallest.get().latencyMicros(99));
                }
                report.add(row);
            }
        }
        var small = report.find(workload(ScaleProbe.Call.CLAIM, scale.getFirst()), kind, "stratum");
        var large = report.find(workload(ScaleProbe.Call.CLAIM, scale.getLast()), kind, "stratum");
        if (scale.size() > 1 && small.isPresent() && large.isPresent()) {
            report.target(Target.atMost(
                    kind.label() + ": claim p99 at " + count(scale.getLast()) + " vs " + count(scale.getFirst()),
                    large.get().latencyMicros(99) / small.get().latencyMicros(99),
                    1.5,
                    "x"));
        }
    }

    static String count(int tasks) {
        if (tasks >= 1_000_000 && tasks % 1_000_000 == 0) {
            return tasks / 1_000_000 + "M";
        }
        return tasks >= 1_000 && tasks % 1_000 == 0 ? tasks / 1_000 + "k" : Integer.toString(tasks);
    }
}
