package io.stratum.bench.probe;

import io.stratum.task.TaskId;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Measures MariaDB's native {@code UUID} column type against {@code BINARY(16)} for task ids from {@link
 * TaskId#generate()}: a narrow {@code tasks} table (id primary key, a secondary index on (status, priority)) and
 * a {@code task_events} child table with a foreign key on the id. Per variant and round it times the insert of
 * {@code rows} parents and as many children in batches of 1,000 (one transaction per batch), 50,000 point
 * look-ups by id and 20,000 child-to-parent joins, then reads {@code data_length} and {@code index_length} after
 * {@code ANALYZE TABLE}. The variants alternate within each round, in alternating order; a short warm-up of both
 * runs first and is not reported.
 *
 * <p>Usage: {@code UuidColumnProbe [serverUrl] [rounds] [rows]}, default {@code
 * jdbc:mariadb://127.0.0.1:3306/?user=root&sslMode=disable}, 3, 200000. Works in the scratch database {@value
 * #DATABASE}, dropped at the end. Prints one JSON object per measured variant and round.
 */
public final class UuidColumnProbe {
    static final String DATABASE = "stratum_probe_uuid";
    static final int BATCH = 1_000;
    static final int LOOKUPS = 50_000;
    static final int JOINS = 20_000;
    static final String[] STATUSES = {"ready", "running", "completed", "failed"};

    enum Variant {
        NATIVE_UUID("UUID"),
        BINARY16("BINARY(16)");

        final String columnType;

        Variant(String columnType) {
            this.columnType = columnType;
        }

        void bind(PreparedStatement ps, int index, UUID id) throws SQLException {
            if (this == NATIVE_UUID) {
                ps.setObject(index, id);
            } else {
                ps.setBytes(
                        index,
                        ByteBuffer.allocate(16)
                                .putLong(id.getMostSignificantBits())
                                .putLong(id.getLeastSignificantBits())
                                .array());
            }
        }
    }

    private UuidColumnProbe() {}

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "jdbc:mariadb://127.0.0.1:3306/?user=root&sslMode=disable";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        String url = server.replace("3306/?", "3306/" + DATABASE + "?");
        try (Connection admin = DriverManager.getConnection(server);
                Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE);
        }
        try {
            for (Variant v : Variant.values()) {
                run(url, v, -1, 5_000);
            }
            for (int round = 0; round < rounds; round++) {
                List<Variant> order = round % 2 == 0
                        ? List.of(Variant.NATIVE_UUID, Variant.BINARY16)
                        : List.of(Variant.BINARY16, Variant.NATIVE_UUID);
                for (Variant v : order) {
                    System.out.println(ProbeJson.object(run(url, v, round, rows)));
                }
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(server);
                    Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            }
        }
    }

    static Map<String, Object> run(String url, Variant v, int round, int rows) throws SQLException {
        Random random = new Random(42 + round);
        try (Connection c = DriverManager.getConnection(url)) {
            createTables(c, v);
            UUID[] ids = new UUID[rows];
            for (int i = 0; i < rows; i++) {
                ids[i] = TaskId.generate().value();
            }

            long t0 = System.nanoTime();
            insert(c, v, ids, random);
            long insertNanos = System.nanoTime() - t0;

            int lookups = Math.min(LOOKUPS, rows);
            t0 = System.nanoTime();
            int found = 0;
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT status, priority, summary FROM tasks WHERE id = ?")) {
                for (int i = 0; i < lookups; i++) {
                    v.bind(ps, 1, ids[random.nextInt(rows)]);
                    try (ResultSet rs = ps.executeQuery()) {
                        found += rs.next() ? 1 : 0;
                    }
                }
            }
            long lookupNanos = System.nanoTime() - t0;
            check("look-ups found", lookups, found);

            long[] eventIds = new long[rows];
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id FROM task_events")) {
                for (int i = 0; rs.next(); i++) {
                    eventIds[i] = rs.getLong(1);
                }
            }
            int joins = Math.min(JOINS, rows);
            t0 = System.nanoTime();
            found = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT t.status, t.summary, e.kind FROM task_events e"
                    + " JOIN tasks t ON t.id = e.task_id WHERE e.id = ?")) {
                for (int i = 0; i < joins; i++) {
                    ps.setLong(1, eventIds[random.nextInt(rows)]);
                    try (ResultSet rs = ps.executeQuery()) {
                        found += rs.next() ? 1 : 0;
                    }
                }
            }
            long joinNanos = System.nanoTime() - t0;
            check("joins found", joins, found);

            Map<String, Object> out = new LinkedHashMap<>();
            out.put("variant", v.columnType);
            out.put("round", round);
            out.put("rows", rows);
            out.put("insert_ms", insertNanos / 1e6);
            out.put("lookups", lookups);
            out.put("lookup_us_per_op", lookupNanos / 1e3 / lookups);
            out.put("joins", joins);
            out.put("join_us_per_op", joinNanos / 1e3 / joins);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE TABLE tasks, task_events");
                try (ResultSet rs = s.executeQuery("SELECT table_name, data_length, index_length"
                        + " FROM information_schema.TABLES WHERE table_schema = DATABASE() ORDER BY table_name")) {
                    while (rs.next()) {
                        out.put(rs.getString(1) + "_data_bytes", rs.getLong(2));
                        out.put(rs.getString(1) + "_index_bytes", rs.getLong(3));
                    }
                }
            }
            return out;
        }
    }

    static void createTables(Connection c, Variant v) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS task_events");
            s.execute("DROP TABLE IF EXISTS tasks");
            s.execute("CREATE TABLE tasks (id " + v.columnType + " NOT NULL PRIMARY KEY,"
                    + " status VARCHAR(16) NOT NULL, priority INT NOT NULL, summary VARCHAR(200) NOT NULL,"
                    + " created_at DATETIME(6) NOT NULL, KEY tasks_status_priority (status, priority)) ENGINE=InnoDB");
            s.execute("CREATE TABLE task_events (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " task_id " + v.columnType + " NOT NULL, kind VARCHAR(16) NOT NULL, at DATETIME(6) NOT NULL,"
                    + " CONSTRAINT task_events_task FOREIGN KEY (task_id) REFERENCES tasks (id)) ENGINE=InnoDB");
        }
    }

    static void insert(Connection c, Variant v, UUID[] ids, Random random) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement parent = c.prepareStatement(
                        "INSERT INTO tasks (id, status, priority, summary, created_at) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement child =
                        c.prepareStatement("INSERT INTO task_events (task_id, kind, at) VALUES (?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int start = 0; start < ids.length; start += BATCH) {
                int end = Math.min(ids.length, start + BATCH);
                for (int i = start; i < end; i++) {
                    v.bind(parent, 1, ids[i]);
                    parent.setString(2, STATUSES[random.nextInt(STATUSES.length)]);
                    parent.setInt(3, random.nextInt(10));
                    parent.setString(4, "task number " + i);
                    parent.setTimestamp(5, now);
                    parent.addBatch();
                    v.bind(child, 1, ids[i]);
                    child.setString(2, "submitted");
                    child.setTimestamp(3, now);
                    child.addBatch();
                }
                parent.executeBatch();
                child.executeBatch();
                c.commit();
            }
        } finally {
            c.setAutoCommit(true);
        }
    }

    static void check(String what, long expected, long actual) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
        }
    }
}
