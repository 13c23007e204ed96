package io.stratum.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Fills a contender's database with ready tasks before a timed phase, the same way for every system:
 * batches through the hand-written baseline (on {@link MinimalQueue}'s table, through that queue), then the table's statistics are brought up to date on PostgreSQL and
 * MariaDB (what autovacuum or InnoDB's background statistics would do soon after a bulk load; doing it now keeps
 * plans from depending on when that last ran).
 */
final class TaskLoader {
    private static final int BATCH = 1_000;

    private final BackendKind kind;
    private final String url;
    private final Callable<QueueClient<?>> queue;
    private long next;

    /** A loader of Stratum's schema at {@code url}. */
    TaskLoader(BackendKind kind, String url) {
        this(kind, url, () -> new JdbcQueue(kind, url));
    }

    /** A loader that submits through a new client from {@code queue} each time it fills. */
    TaskLoader(BackendKind kind, String url, Callable<QueueClient<?>> queue) {
        this.kind = kind;
        this.url = url;
        this.queue = queue;
    }

    void fillReady(long count) throws Exception {
        try (QueueClient<?> loader = queue.call()) {
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
