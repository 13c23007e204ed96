package io.stratum.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a contender's database with ready tasks before a timed phase, the same way for every system:
 * batches through the hand-written baseline, then the table's statistics are brought up to date on PostgreSQL and
 * MariaDB (what autovacuum or InnoDB's background statistics would do soon after a bulk load; doing it now keeps
 * plans from depending on when that last ran).
 */
final class TaskLoader {
    private static final int BATCH = 1_000;

    private final BackendKind kind;
    private final String url;
    private long next;

    TaskLoader(BackendKind kind, String url) {
        this.kind = kind;
        this.url = url;
    }

    void fillReady(long count) throws Exception {
        try (JdbcQueue loader = new JdbcQueue(kind, url)) {
            for (long done = 0; done < count; ) {
                int size = (int) Math.min(BATCH, count - done);
                List<BenchTask> batch = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    batch.add(BenchTask.number(next++));
                }
                loader.submitAll(batch);
                done += size;
            }
        }
        String analyze = switch (kind) {
            case SQLITE -> null;
            case POSTGRESQL -> "ANALYZE tasks";
            case MARIADB -> "ANALYZE TABLE tasks";
        };
        if (analyze != null) {
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement()) {
                s.execute(analyze);
            }
        }
    }
}
