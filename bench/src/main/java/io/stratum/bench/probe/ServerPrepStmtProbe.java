package io.stratum.bench.probe;

import io.stratum.Json;
import io.stratum.Stratum;
import io.stratum.queue.Claimed;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures MariaDB Connector/J's {@code useServerPrepStmts=false} (the driver's default: statements are
 * interpolated on the client and sent as text) against {@code useServerPrepStmts=true} (prepared on the server,
 * binary protocol, with {@code cachePrepStmts=true} and {@code prepStmtCacheSize=250}) on Stratum's hot paths,
 * through its public API with audit rows off. Per variant and round, on a database of its own that {@link
 * Stratum#migrate()} creates: {@code threads} threads submit {@code tasks} tasks one per call, then {@code threads}
 * workers claim one task at a time and complete it until those tasks are all completed. The variants alternate
 * within each round, in alternating order; a short warm-up of both runs first and is not reported.
 *
 * <p>Usage: {@code ServerPrepStmtProbe [serverUrl] [rounds] [tasks] [threads]}, default {@code
 * jdbc:mariadb://127.0.0.1:3306/?user=root&sslMode=disable}, 3, 5000, 4. The scratch databases are named {@code
 * stratum_probe_ps_*} and dropped after each run. Prints one JSON object per measured variant and round.
 */
public final class ServerPrepStmtProbe {
    static final Json RESULT = Json.of("{\"ok\":true}");
    static final Duration LEASE = Duration.ofMinutes(5);

    private ServerPrepStmtProbe() {}

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "jdbc:mariadb://127.0.0.1:3306/?user=root&sslMode=disable";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int tasks = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        for (boolean serverSide : new boolean[] {false, true}) {
            run(server, serverSide, -1, 1_000, threads);
        }
        for (int round = 0; round < rounds; round++) {
            boolean first = round % 2 != 0;
            for (boolean serverSide : new boolean[] {first, !first}) {
                System.out.println(ProbeJson.object(run(server, serverSide, round, tasks, threads)));
            }
        }
    }

    static Map<String, Object> run(String server, boolean serverSide, int round, int tasks, int threads)
            throws Exception {
        String database = "stratum_probe_ps_" + (serverSide ? "server" : "client") + "_" + (round < 0 ? "w" : round);
        admin(server, "DROP DATABASE IF EXISTS " + database, "CREATE DATABASE " + database);
        Stratum.Builder builder = Stratum.builder()
                .url(server.replace("3306/?", "3306/" + database + "?"))
                .audit(false)
                .driverProperty("useServerPrepStmts", Boolean.toString(serverSide));
        if (serverSide) {
            builder.driverProperty("cachePrepStmts", "true").driverProperty("prepStmtCacheSize", "250");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("useServerPrepStmts", serverSide);
        out.put("round", round);
        out.put("tasks", tasks);
        out.put("threads", threads);
        try (Stratum db = builder.open()) {
            db.migrate();
            int perThread = tasks / threads;
            Phase submit = Phase.run(threads, worker -> {
                long[] nanos = new long[perThread];
                for (int i = 0; i < perThread; i++) {
                    long start = System.nanoTime();
                    db.tasks()
                            .submit(NewTask.builder("task " + worker + "-" + i, "bench")
                                    .priority(i % 10)
                                    .inputData(Json.of("{\"n\":" + i + "}"))
                                    .build());
                    nanos[i] = System.nanoTime() - start;
                }
                return nanos;
            });
            Phase claim = Phase.run(threads, worker -> {
                List<Long> nanos = new ArrayList<>();
                while (true) {
                    long start = System.nanoTime();
                    List<Claimed> claimed = db.queue().claim("worker-" + worker, 1, LEASE);
                    if (claimed.isEmpty()) {
                        return nanos.stream().mapToLong(Long::longValue).toArray();
                    }
                    db.queue().complete(claimed.getFirst().lease(), RESULT);
                    nanos.add(System.nanoTime() - start);
                }
            });
            long completed = db.tasks()
                    .count(TaskFilters.builder()
                            .status(TaskStatus.parse("completed"))
                            .build());
            if (submit.operations != (long) perThread * threads
                    || claim.operations != completed
                    || completed != submit.operations) {
                throw new IllegalStateException("submitted " + submit.operations + ", claimed and completed "
                        + claim.operations + ", completed in the table " + completed);
            }
            submit.into(out, "submit");
            claim.into(out, "claim_complete");
        } finally {
            admin(server, "DROP DATABASE IF EXISTS " + database);
        }
        return out;
    }

    static void admin(String server, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server);
                Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    /** What one timed phase did: operations, wall time and per-operation latencies from all its threads. */
    record Phase(long operations, long wallNanos, long[] sortedNanos) {
        interface Work {
            long[] run(int worker) throws Exception;
        }

        static Phase run(int threads, Work work) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Callable<long[]>> jobs = new ArrayList<>();
                for (int w = 0; w < threads; w++) {
                    int worker = w;
                    jobs.add(() -> work.run(worker));
                }
                long start = System.nanoTime();
                List<Future<long[]>> futures = pool.invokeAll(jobs);
                long wall = System.nanoTime() - start;
                long[] all = new long[0];
                for (Future<long[]> f : futures) {
                    long[] part = f.get();
                    long[] joined = Arrays.copyOf(all, all.length + part.length);
                    System.arraycopy(part, 0, joined, all.length, part.length);
                    all = joined;
                }
                Arrays.sort(all);
                return new Phase(all.length, wall, all);
            } finally {
                pool.shutdownNow();
            }
        }

        void into(Map<String, Object> out, String name) {
            out.put(name + "_ops_per_s", operations * 1e9 / wallNanos);
            out.put(name + "_p50_ms", percentile(0.50) / 1e6);
            out.put(name + "_p99_ms", percentile(0.99) / 1e6);
        }

        double percentile(double p) {
            return sortedNanos.length == 0
                    ? 0
                    : sortedNanos[(int) Math.min(sortedNanos.length - 1, p * sortedNanos.length)];
        }
    }
}
