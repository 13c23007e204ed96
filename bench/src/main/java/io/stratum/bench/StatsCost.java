package io.stratum.bench;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.Stratum;
import io.stratum.queue.QueueStats;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Query;

/**
 * What {@code TaskQueue#stats()} costs on a store of 1M tasks shaped like a long-running queue: 900k completed a
 * day ago, 10k failed, 20k pending, 10k running (about half with expired leases), 5k completed a few seconds
 * before the ready ones were loaded (within the last minute, where the load is fast enough) and 55k ready, 5k of
 * them delayed. Loads the tasks through the bench's batch loader, sets their statuses with a
 * few updates, brings the planner's statistics up to date, then times {@value #CALLS} calls after
 * {@value #WARM_UP} unmeasured ones.
 *
 * <pre>
 * java -cp bench/target/stratum-bench.jar io.stratum.bench.StatsCost sqlite|postgresql|mariadb [SERVER_URL]
 * </pre>
 */
public final class StatsCost {
    private static final int WARM_UP = 20;
    private static final int CALLS = 200;

    private StatsCost() {}

    public static void main(String[] args) throws Exception {
        BackendKind kind = BackendKind.of(args[0]);
        String server = args.length > 1 ? args[1] : serverUrl(kind);
        try (ScratchDatabase database = ScratchDatabase.migrated(kind, server)) {
            long loading = System.nanoTime();
            load(kind, database.url());
            System.err.printf("%s: loaded 1M tasks in %d s%n", kind.label(), seconds(loading));
            try (Stratum db = Stratum.open(database.url())) {
                for (int i = 0; i < WARM_UP; i++) {
                    db.queue().stats();
                }
                List<Long> micros = new ArrayList<>();
                QueueStats last = null;
                for (int i = 0; i < CALLS; i++) {
                    long start = System.nanoTime();
                    last = db.queue().stats();
                    micros.add((System.nanoTime() - start) / 1_000);
                }
                micros.sort(null);
                System.out.printf(
                        "%s: stats() at 1M tasks, %d calls: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                        kind.label(),
                        CALLS,
                        micros.get(CALLS / 2) / 1000.0,
                        micros.get(CALLS * 99 / 100) / 1000.0,
                        micros.getLast() / 1000.0);
                System.out.println(last);
            }
            explain(kind, database.url());
        }
    }

    /** Prints the plan of each statement of one stats() call, as executed (PostgreSQL: with timings). */
    private static void explain(BackendKind kind, String url) {
        List<Query> statements = new ArrayList<>();
        ExecuteListener recorder = new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                if (ctx.query() != null) {
                    statements.add(ctx.query());
                }
            }
        };
        try (Stratum db = Stratum.builder().url(url).executeListener(recorder).open()) {
            db.queue().stats();
            List<Query> recorded = List.copyOf(statements);
            String explain = switch (kind) {
                case SQLITE -> "EXPLAIN QUERY PLAN ";
                case POSTGRESQL -> "EXPLAIN (ANALYZE, BUFFERS) ";
                case MARIADB -> "ANALYZE ";
            };
            for (Query query : recorded) {
                String sql = db.dsl().renderInlined(query);
                System.out.println(sql);
                System.out.println(db.dsl().fetch(explain + sql).format(100));
            }
        }
    }

    private static void load(BackendKind kind, String url) throws Exception {
        TaskLoader loader = new TaskLoader(kind, url);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try (Stratum db = Stratum.open(url)) {
            DSLContext dsl = db.dsl();
            shape(loader, dsl, 900_000, "completed", now.minusDays(1));
            shape(loader, dsl, 10_000, "failed", now.minusDays(1));
            shape(loader, dsl, 20_000, "pending", null);
            shape(loader, dsl, 10_000, "running", null);
            dsl.update(TASKS)
                    .set(TASKS.LEASE_OWNER, "bench-worker")
                    .set(TASKS.LEASE_EXPIRES_AT, now.plusHours(1))
                    .where(TASKS.STATUS.eq("running"))
                    .execute();
            dsl.update(TASKS)
                    .set(TASKS.LEASE_EXPIRES_AT, now.minusMinutes(1))
                    .where(TASKS.STATUS.eq("running"))
                    .and(TASKS.PRIORITY.le(5))
                    .execute();
            shape(
                    loader,
                    dsl,
                    5_000,
                    "completed",
                    OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
            loader.fillReady(55_000);
            dsl.update(TASKS)
                    .set(TASKS.RUN_AFTER, now.plusHours(1))
                    .where(TASKS.STATUS.eq("ready"))
                    .and(TASKS.PRIORITY.eq(0))
                    .execute();
        }
        String analyze = switch (kind) {
            case SQLITE -> "ANALYZE";
            case POSTGRESQL -> "VACUUM ANALYZE tasks";
            case MARIADB -> "ANALYZE TABLE tasks";
        };
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(analyze);
        }
    }

    /** Loads {@code count} ready tasks and moves every ready task to {@code status}, finished at {@code at}. */
    private static void shape(TaskLoader loader, DSLContext dsl, int count, String status, OffsetDateTime at)
            throws Exception {
        loader.fillReady(count);
        dsl.update(TASKS)
                .set(TASKS.STATUS, status)
                .set(TASKS.COMPLETED_AT, at)
                .where(TASKS.STATUS.eq("ready"))
                .execute();
    }

    private static String serverUrl(BackendKind kind) {
        return switch (kind) {
            case SQLITE -> null;
            case POSTGRESQL -> System.getenv("STRATUM_TEST_POSTGRES_URL");
            case MARIADB -> System.getenv("STRATUM_TEST_MARIADB_URL");
        };
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }
}
