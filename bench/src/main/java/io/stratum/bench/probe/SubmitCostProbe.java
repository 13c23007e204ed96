package io.stratum.bench.probe;

import io.stratum.Json;
import io.stratum.Stratum;
import io.stratum.queue.QueueSettings;
import io.stratum.queue.WakeUpMode;
import io.stratum.spi.TestDatabaseService;
import io.stratum.spi.TestDatabaseService.TestDatabase;
import io.stratum.task.NewTask;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What one submit of one task costs on PostgreSQL, in time per call and in CPU time of the submitting thread: one
 * thread, one task per call, through Stratum ({@link WakeUpMode#POLL}, audit rows off: the {@code INSERT} alone),
 * through hand-written JDBC with the nine values the bench's {@code jdbc} contender sets, and through hand-written
 * JDBC with all the columns Stratum's {@code INSERT} sets. The three alternate in each round on one fresh database
 * cloned from the migrated template; the first round warms up and is not reported.
 *
 * <p>Usage: {@code SubmitCostProbe [serverUrl] [rounds] [tasks]}, default {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}, 8 and 5000. Prints one JSON object per way and round.
 */
public final class SubmitCostProbe {
    private static final String INPUT = "{\"n\":1}";
    private static final String NARROW = "INSERT INTO tasks (id, summary, description, agent_type, priority,"
            + " calculated_priority, status, input_data, submitted_at, last_updated_at, source, run_after)"
            + " VALUES (?, ?, '', ?, ?, ?, 'ready', ?::jsonb, ?, ?, 'human', ?)";
    private static final String WIDE = "INSERT INTO tasks (id, summary, description, agent_type, priority,"
            + " calculated_priority, status, dependency_type, dependency_depth, retry_count, max_retries,"
            + " max_execution_timeout_seconds, submitted_at, last_updated_at, source, version, run_after, input_data)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)";

    private SubmitCostProbe() {}

    /** One way of submitting {@code index}, the task's number. */
    private interface Submit {
        void submit(int index) throws SQLException;
    }

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int tasks = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        try (TestDatabase database = TestDatabaseService.named("postgresql").fromTemplate(server);
                Stratum db = Stratum.builder()
                        .url(database.url())
                        .audit(false)
                        .queue(QueueSettings.defaults().withWakeUps(WakeUpMode.POLL, Duration.ofMillis(250)))
                        .open();
                Connection jdbc = DriverManager.getConnection(database.url())) {
            Map<String, Submit> ways = new LinkedHashMap<>();
            ways.put(
                    "stratum",
                    i -> db.tasks()
                            .submit(NewTask.builder("stratum " + i, "coder")
                                    .inputData(Json.of(INPUT))
                                    .build()));
            ways.put("jdbc", i -> insertNarrow(jdbc, i));
            ways.put("jdbc, every column stratum sets", i -> insertWide(jdbc, i));
            for (int round = 0; round <= rounds; round++) {
                for (Map.Entry<String, Submit> way : ways.entrySet()) {
                    Map<String, Object> measured = measure(way.getValue(), tasks);
                    if (round > 0) {
                        Map<String, Object> out = new LinkedHashMap<>();
                        out.put("way", way.getKey());
                        out.put("round", round);
                        out.putAll(measured);
                        System.out.println(ProbeJson.object(out));
                    }
                }
            }
        }
    }

    private static Map<String, Object> measure(Submit submit, int tasks) throws SQLException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            submit.submit(i);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tasks", tasks);
        out.put("us_per_call", round((System.nanoTime() - wall) / 1e3 / tasks));
        out.put("jvm_cpu_us_per_call", round((threads.getCurrentThreadCpuTime() - cpu) / 1e3 / tasks));
        return out;
    }

    /** The bench's {@code jdbc} contender's INSERT: nine bind values, constants and defaults for the rest. */
    private static void insertNarrow(Connection connection, int index) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement(NARROW)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, "jdbc " + index);
            insert.setString(3, "coder");
            insert.setInt(4, 5);
            insert.setDouble(5, 5);
            insert.setString(6, INPUT);
            insert.setObject(7, now);
            insert.setObject(8, now);
            insert.setObject(9, now);
            insert.executeUpdate();
        }
    }

    /** The columns Stratum's INSERT of such a task sets, each a bind value as in Stratum's statement. */
    private static void insertWide(Connection connection, int index) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement(WIDE)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, "wide " + index);
            insert.setString(3, "");
            insert.setString(4, "coder");
            insert.setInt(5, 5);
            insert.setDouble(6, 5);
            insert.setString(7, "ready");
            insert.setString(8, "sequential");
            insert.setInt(9, 0);
            insert.setInt(10, 0);
            insert.setInt(11, 3);
            insert.setInt(12, 3600);
            insert.setObject(13, now);
            insert.setObject(14, now);
            insert.setString(15, "human");
            insert.setLong(16, 0);
            insert.setObject(17, now);
            insert.setString(18, INPUT);
            insert.executeUpdate();
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
