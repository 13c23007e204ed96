package io.stratum.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.MariaDBJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * db-scheduler on an idle table with one executor thread and its defaults: it polls every 10 s (its documented
 * default polling interval), so a task scheduled for now waits for the next poll. Tasks are scheduled through a
 * {@link SchedulerClient} of their own, as another process would; latency is from the start of that call to the
 * start of the task's execution. MariaDB with timestamps in UTC, as in {@link DbSchedulerDrain}.
 */
final class WakeUpDbScheduler implements Contender {
    private final HikariDataSource pool;
    private final BackendKind kind;
    private final int tasks;
    private final Duration timeout;
    private volatile PacedSubmits round;
    private volatile int roundIndex;
    private final OneTimeTask<Void> noop = Tasks.oneTime("bench-wake").execute((instance, context) -> {
        String[] parts = instance.getId().split("-");
        if (Integer.parseInt(parts[0]) == roundIndex) {
            round.picked(Integer.parseInt(parts[1]));
        }
    });

    WakeUpDbScheduler(ScratchDatabase database, int tasks, Duration timeout) throws SQLException {
        this.pool = JdbcConnections.open(database.kind(), database.url());
        this.kind = database.kind();
        this.tasks = tasks;
        this.timeout = timeout;
        DbSchedulerDrain.createTable(pool, kind);
    }

    @Override
    public String system() {
        return "db-scheduler";
    }

    @Override
    public RoundResult round(int index) throws Exception {
        SchedulerClient.Builder clientBuilder = SchedulerClient.Builder.create(pool, noop);
        SchedulerBuilder builder = Scheduler.create(pool, noop).threads(1);
        if (kind == BackendKind.MARIADB) {
            clientBuilder.jdbcCustomization(new MariaDBJdbcCustomization(true));
            builder.jdbcCustomization(new MariaDBJdbcCustomization(true));
        }
        SchedulerClient client = clientBuilder.build();
        round = new PacedSubmits(tasks);
        roundIndex = index;
        Scheduler scheduler = builder.build();
        scheduler.start();
        try {
            return round.run(i -> client.scheduleIfNotExists(noop.instance(index + "-" + i), Instant.now()), timeout);
        } finally {
            scheduler.stop();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
