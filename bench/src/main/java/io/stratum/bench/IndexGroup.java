package io.stratum.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Workload I ({@code --workloads indexes}, not in the default run): what two indexes of Stratum's schema cost the
 * queue's writes. The hand-written baseline drains a pre-filled queue, claim 1 + complete, on Stratum's schema as
 * it is ({@code jdbc}), without {@code idx_tasks_status} and {@code idx_tasks_priority_status}, and (PostgreSQL,
 * SQLite) with those two replaced by partial indexes on the statuses their queries ask for. Both indexes have
 * {@code status} as a key column, so every status change of a task rewrites an entry of each (on PostgreSQL it
 * also rules out heap-only updates, so every index of the table gets a new entry). The schema stays as it is: the
 * variants alter their own scratch copies. Rounds alternate, at least five of them.
 */
final class IndexGroup {
    static final String WITHOUT = "jdbc, no status indexes";
    static final String PARTIAL = "jdbc, partial instead";

    private static final int MIN_ROUNDS = 5;

    /**
     * What would serve the queries that read by status alone (PostgreSQL and SQLite): listing and counting waiting
     * tasks in priority order, and the purge of finished tasks by completion time. Ready tasks are already read
     * through {@code ix_tasks_claim}, running ones through {@code ix_tasks_lease_expiry}. A task going from ready
     * to running touches neither; its completion adds one entry to {@code ix_tasks_finished}.
     */
    private static final List<String> PARTIAL_INDEXES = List.of(
            "CREATE INDEX ix_tasks_waiting ON tasks (calculated_priority DESC, submitted_at, id)"
                    + " WHERE status IN ('pending', 'blocked')",
            "CREATE INDEX ix_tasks_finished ON tasks (completed_at) WHERE status IN ('completed', 'cancelled')");

    private IndexGroup() {}

    static String workload(int workers) {
        return "I claim 1 + complete, " + workers + (workers == 1 ? " worker" : " workers");
    }

    static void run(Bench bench, BackendKind kind) throws Exception {
        Sizes sizes = bench.sizes();
        List<Integer> workers = sizes.claimWorkers();
        for (int count : List.of(workers.getFirst(), workers.getLast())) {
            measure(bench, kind, count, sizes.claimOnePerRound());
            if (workers.size() == 1) {
                break;
            }
        }
    }

    private static void measure(Bench bench, BackendKind kind, int workers, int perRound) throws Exception {
        Sizes sizes = bench.sizes();
        String workload = workload(workers);
        Map<String, Rounds.Outcome> outcomes;
        try (Closer closer = new Closer()) {
            List<Contender> contenders = new ArrayList<>();
            contenders.add(contender(closer, bench, kind, "jdbc", workers, perRound));
            contenders.add(contender(closer, bench, kind, WITHOUT, workers, perRound, drop(kind)));
            if (kind != BackendKind.MARIADB) {
                List<String> ddl = new ArrayList<>(List.of(drop(kind)));
                ddl.addAll(PARTIAL_INDEXES);
                contenders.add(contender(closer, bench, kind, PARTIAL, workers, perRound, ddl.toArray(String[]::new)));
            }
            Rounds rounds = new Rounds(sizes.warmups(), sizes.warmupTime(), Math.max(MIN_ROUNDS, sizes.rounds()));
            outcomes = rounds.run(workload + " on " + kind.label(), contenders);
        }
        bench.addRows(
                workload,
                kind,
                outcomes,
                "jdbc",
                perRound + " tasks per round; Stratum's schema with and without idx_tasks_status and"
                        + " idx_tasks_priority_status");
    }

    private static String[] drop(BackendKind kind) {
        String on = kind == BackendKind.MARIADB ? " ON tasks" : "";
        return new String[] {"DROP INDEX idx_tasks_status" + on, "DROP INDEX idx_tasks_priority_status" + on};
    }

    private static Contender contender(
            Closer closer, Bench bench, BackendKind kind, String label, int workers, int perRound, String... ddl)
            throws Exception {
        ScratchDatabase database = closer.register(bench.migratedDatabase(kind));
        alter(database.url(), ddl);
        return closer.register(new ClaimComplete<>(
                label,
                new JdbcQueue(kind, database.url()),
                new TaskLoader(kind, database.url()),
                workers,
                1,
                perRound));
    }

    private static void alter(String url, String... ddl) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            for (String statement : ddl) {
                s.execute(statement);
            }
        }
    }
}
