package io.stratum.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.MariaDBJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.SqliteJdbcCustomization;
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
 * table of db-scheduler's own DDL for the database ({@code postgresql_tables.sql}, {@code mariadb_tables.sql},
 * {@code sqlite_tables.sql} of its repository). On PostgreSQL it polls with lock-and-fetch
 * ({@code FOR UPDATE SKIP LOCKED}) and the limits its documentation gives for high throughput
 * ({@code pollUsingLockAndFetch(1.0, 4.0)}). MariaDB and SQLite have no lock-and-fetch in db-scheduler
 * ({@code supportsGenericLockAndFetch()} is false for {@code MariaDBJdbcCustomization} and
 * {@code SqliteJdbcCustomization}; it is there for PostgreSQL, SQL Server and MySQL 8), so there it polls with its
 * default, {@code fetch} ({@code pollUsingFetch(0.5, 3.0)}): a select of due executions, then one optimistic
 * {@code UPDATE ... WHERE version = ?} per execution as it starts; on MariaDB timestamps are stored in UTC, as
 * db-scheduler requires there.
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
    private static final String SQLITE_TABLE = """
            CREATE TABLE scheduled_tasks (
              task_name VARCHAR(100), task_instance VARCHAR(100), task_data BLOB, execution_time TIMESTAMP,
              picked BIT, picked_by VARCHAR(50), last_success TIMESTAMP, last_failure TIMESTAMP,
              consecutive_failures INT, last_heartbeat TIMESTAMP, version BIGINT, priority SMALLINT,
              PRIMARY KEY (task_name, task_instance));
            CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
            CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
            CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)""";

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
            String table = switch (kind) {
                case SQLITE -> SQLITE_TABLE;
                case POSTGRESQL -> POSTGRES_TABLE;
                case MARIADB -> MARIADB_TABLE;
            };
            for (String ddl : table.split(";")) {
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
        JdbcCustomization customization = customization();
        SchedulerClient.Builder clientBuilder =
                SchedulerClient.Builder.create(pool, noop).jdbcCustomization(customization);
        SchedulerBuilder builder = Scheduler.create(pool, noop)
                .threads(threads)
                .pollingInterval(Duration.ofSeconds(1))
                .jdbcCustomization(customization);
        if (customization.supportsSingleStatementLockAndFetch() || customization.supportsGenericLockAndFetch()) {
            builder.pollUsingLockAndFetch(1.0, 4.0);
        } else {
            builder.pollUsingFetch(0.5, 3.0);
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

    /** What db-scheduler's own detection would pick for the database, with UTC timestamps on MariaDB. */
    private JdbcCustomization customization() {
        return switch (kind) {
            case SQLITE -> new SqliteJdbcCustomization();
            case POSTGRESQL -> new PostgreSqlJdbcCustomization(false, false);
            case MARIADB -> new MariaDBJdbcCustomization(true);
        };
    }

    @Override
    public void close() {
        pool.close();
    }
}
