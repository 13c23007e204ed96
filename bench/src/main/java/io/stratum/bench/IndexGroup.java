package io.stratum.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Workload I ({@code --workloads indexes}, not in the default run): what the schema's indexes for listing,
 * counting and purging cost the queue's writes, against the seed's two status indexes they replaced. The
 * hand-written baseline drains a pre-filled queue, claim 1 + complete, on Stratum's schema as it is ({@code jdbc})
 * and on a copy with the seed's {@code idx_tasks_status (status)} and {@code idx_tasks_priority_status
 * (calculated_priority DESC, status)} in place of {@code ix_tasks_list}, {@code ix_tasks_waiting} and
 * {@code ix_tasks_finished}. Both seed indexes have {@code status} as a key column, so every status change of a
 * task rewrites an entry of each. A third copy lacks the indexes of the queue statistics that have the status as a
 * key ({@code ix_tasks_active}, and on MariaDB the status-led {@code ix_tasks_finished}), to show what keeping
 * {@code stats()} index-only costs the queue's writes. Each variant alters its own scratch copy. Rounds alternate,
 * at least five.
 */
final class IndexGroup {
    static final String SEED = "jdbc, seed's status indexes";
    static final String NO_STATS = "jdbc, no statistics indexes";

    private static final int MIN_ROUNDS = 5;

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
            contenders.add(contender(closer, bench, kind, SEED, workers, perRound, seedIndexes(kind)));
            contenders.add(contender(closer, bench, kind, NO_STATS, workers, perRound, withoutStatisticsIndexes(kind)));
            Rounds rounds = new Rounds(sizes.warmups(), sizes.warmupTime(), Math.max(MIN_ROUNDS, sizes.rounds()));
            outcomes = rounds.run(workload + " on " + kind.label(), contenders);
        }
        bench.addRows(
                workload,
                kind,
                outcomes,
                "jdbc",
                perRound + " tasks per round; Stratum's schema as it is, with the seed's idx_tasks_status and"
                        + " idx_tasks_priority_status instead of its list indexes, and without the status-keyed"
                        + " indexes the queue statistics read");
    }

    private static String[] seedIndexes(BackendKind kind) {
        List<String> ddl = new ArrayList<>();
        if (kind == BackendKind.MARIADB) {
            ddl.add("DROP INDEX ix_tasks_list ON tasks");
        } else {
            ddl.addAll(
                    List.of("DROP INDEX ix_tasks_list", "DROP INDEX ix_tasks_waiting", "DROP INDEX ix_tasks_finished"));
        }
        ddl.add("CREATE INDEX idx_tasks_priority_status ON tasks (calculated_priority DESC, status)");
        ddl.add("CREATE INDEX idx_tasks_status ON tasks (status)");
        return ddl.toArray(String[]::new);
    }

    /** The indexes of the queue statistics that a claim or completion writes to (status is one of their keys). */
    private static String[] withoutStatisticsIndexes(BackendKind kind) {
        return kind == BackendKind.MARIADB
                ? new String[] {"DROP INDEX ix_tasks_active ON tasks", "DROP INDEX ix_tasks_finished ON tasks"}
                : new String[] {"DROP INDEX ix_tasks_active"};
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
