package io.stratum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Workload 8: how soon does an idle worker get a task? One waiting worker, one task submitted every 20 ms;
 * p50/p99 from submit to the worker holding the task. Stratum's waiting claim (LISTEN/NOTIFY on PostgreSQL, a
 * signal within the JVM elsewhere) against db-scheduler's polling (PostgreSQL and MariaDB; it has no SQLite
 * support).
 */
final class WakeUpGroup {
    static final String WORKLOAD = "8 submit-to-lease, idle queue";

    private WakeUpGroup() {}

    static void run(Bench bench, BackendKind kind) throws Exception {
        Sizes sizes = bench.sizes();
        int tasks = sizes.wakeUpTasks();
        Map<String, Rounds.Outcome> outcomes;
        try (Closer closer = new Closer()) {
            List<Contender> contenders = new ArrayList<>();
            ScratchDatabase a = closer.register(bench.migratedDatabase(kind));
            contenders.add(closer.register(new WakeUpStratum(a, tasks, sizes.peerTimeout())));
            if (kind != BackendKind.SQLITE) {
                ScratchDatabase b = closer.register(bench.emptyDatabase(kind));
                contenders.add(closer.register(new WakeUpDbScheduler(b, tasks, sizes.peerTimeout())));
            }
            outcomes = bench.measure(WORKLOAD, kind, contenders);
        }
        bench.addRows(
                WORKLOAD,
                kind,
                outcomes,
                "stratum",
                tasks + " tasks 20 ms apart, 1 waiting worker; ops/s is the pacing; db-scheduler polls every 10 s");
    }
}
