package io.stratum.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.MariaDBJdbcCustomization;
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
 * db-scheduler executing a pre-filled queue of no-op one-time tasks with {@code threads} executor threads, in the
 * table its documentation gives for the database. On PostgreSQL it polls with lock-and-fetch
 * ({@code FOR UPDATE SKIP LOCKED}), the strategy its documentation recommends for throughput. On MariaDB
 * db-scheduler 16 has no lock-and-fetch ({@code MariaDBJdbcCustomization.supportsGenericLockAndFetch()} is false;
 * it has it for PostgreSQL, SQL Server and MySQL 8), so it polls with its default, fetch-and-lock-on-execute:
 * a select of due executions, then one optimistic {@code UPDATE ... WHERE version = ?} per execution as it
 * starts; timestamps are stored in UTC, as db-scheduler recommends for MariaDB. db-scheduler 16 does not support
 * SQLite.
 */
final class DbSchedulerDrain implements Contender {
    private static final String POSTGRES_TABLE = """
            CREATE TABLE scheduled_tasks (
              task_name TEXT NOT NULL, task_instance TEXT NOT NULL, task_data BYTEA,
              execution_time TIMESTAMP WITH TIME ZONE NOT NULL, picked BOOLEAN NOT NULL, picked_by TEXT,
              last_success TIMESTAMP WITH TIME ZONE, last_failure TIMESTAMP WITH TIME ZONE,
              consecutive_failures INT, last_heartbeat TIMESTAMP WITH TIME ZONE, version BIGINT NOT NULL,
              priority SMALLINT, PRIMARY KEY (task_name, task_instance));
            CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
            CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
            CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)""";
    private static final String MARIADB_TABLE = """
            CREATE TABLE scheduled_tasks (
              task_name VARCHAR(100) NOT NULL, task_instance VARCHAR(100) NOT NULL, task_data BLOB,
              execution_time TIMESTAMP(6) NOT NULL, picked BOOLEAN NOT NULL, picked_by VARCHAR(50),
              last_success TIMESTAMP(6) NULL, last_failure TIMESTAMP(6) NULL, consecutive_failures INT,
              last_heartbeat TIMESTAMP(6) NULL, version BIGINT NOT NULL, priority SMALLINT,
              PRIMARY KEY (task_name, task_instance),
              INDEX execution_time_idx (execution_time),
              INDEX last_heartbeat_idx (last_heartbeat),
              INDEX priority_execution_time_idx (priority DESC, execution_time ASC))""";

    private final HikariDataSource pool;
    private final BackendKind kind;
    private final int threads;
    private final int tasks;
    private final Duration timeout;
    private volatile ExecutionCounter counter;
    private final OneTimeTask<Void> noop =
            Tasks.oneTime("bench-noop").execute((instance, context) -> counter.executed());

    DbSchedulerDrain(ScratchDatabase database, int threads, int tasks, Duration timeout) throws SQLException {
        this.pool = JdbcConnections.open(database.kind(), database.url());
        this.kind = database.kind();
        this.threads = threads;
        this.tasks = tasks;
        this.timeout = timeout;
        createTable(pool, kind);
    }

    /** Creates db-scheduler's table, as its documentation gives it for {@code kind}. */
    static void createTable(HikariDataSource pool, BackendKind kind) throws SQLException {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            for (String ddl : (kind == BackendKind.MARIADB ? MARIADB_TABLE : POSTGRES_TABLE).split(";")) {
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
        SchedulerClient.Builder clientBuilder = SchedulerClient.Builder.create(pool, noop);
        SchedulerBuilder builder = Scheduler.create(pool, noop).threads(threads).pollingInterval(Duration.ofSeconds(1));
        if (kind == BackendKind.MARIADB) {
            clientBuilder.jdbcCustomization(new MariaDBJdbcCustomization(true));
            builder.jdbcCustomization(new MariaDBJdbcCustomization(true)).pollUsingFetchAndLockOnExecute(0.5, 3.0);
        } else {
            builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        SchedulerClient client = clientBuilder.build();
        client.scheduleBatch(
                IntStream.range(0, tasks).mapToObj(i -> (TaskInstance<?>) noop.instance("r" + index + "-" + i)),
                Instant.now().minusSeconds(1));
        counter = new ExecutionCounter(tasks);
        Scheduler scheduler = builder.build();
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
