package io.stratum.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

/**
 * db-scheduler executing a pre-filled queue of no-op one-time tasks with {@code threads} executor threads,
 * polling with its lock-and-fetch strategy ({@code FOR UPDATE SKIP LOCKED}), the one its documentation
 * recommends for throughput on PostgreSQL. PostgreSQL only: db-scheduler does not support SQLite.
 */
final class DbSchedulerDrain implements Contender {
    private static final String TABLE = """
            CREATE TABLE scheduled_tasks (
              task_name TEXT NOT NULL, task_instance TEXT NOT NULL, task_data BYTEA,
              execution_time TIMESTAMP WITH TIME ZONE NOT NULL, picked BOOLEAN NOT NULL, picked_by TEXT,
              last_success TIMESTAMP WITH TIME ZONE, last_failure TIMESTAMP WITH TIME ZONE,
              consecutive_failures INT, last_heartbeat TIMESTAMP WITH TIME ZONE, version BIGINT NOT NULL,
              priority SMALLINT, PRIMARY KEY (task_name, task_instance));
            CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
            CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
            CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)""";

    private final HikariDataSource pool;
    private final int threads;
    private final int tasks;
    private final Duration timeout;
    private volatile ExecutionCounter counter;
    private final OneTimeTask<Void> noop =
            Tasks.oneTime("bench-noop").execute((instance, context) -> counter.executed());

    DbSchedulerDrain(ScratchDatabase database, int threads, int tasks, Duration timeout) throws SQLException {
        this.pool = JdbcConnections.open(database.kind(), database.url());
        this.threads = threads;
        this.tasks = tasks;
        this.timeout = timeout;
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            for (String ddl : TABLE.split(";")) {
                s.execute(ddl);
            }
        }
    }

    @Override
    public String system() {
        return "db-scheduler";
    }

    @Override
    public RoundResult round(int index) throws Exception {
        SchedulerClient client = SchedulerClient.Builder.create(pool, noop).build();
        client.scheduleBatch(
                IntStream.range(0, tasks).mapToObj(i -> (TaskInstance<?>) noop.instance("r" + index + "-" + i)),
                Instant.now().minusSeconds(1));
        counter = new ExecutionCounter(tasks);
        Scheduler scheduler = Scheduler.create(pool, noop)
                .threads(threads)
                .pollingInterval(Duration.ofSeconds(1))
                .pollUsingLockAndFetch(0.5, 1.0)
                .build();
        scheduler.start();
        try {
            return counter.await(timeout);
        } finally {
            scheduler.stop();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
