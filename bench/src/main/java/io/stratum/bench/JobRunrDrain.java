package io.stratum.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.stream.IntStream;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.storage.sql.sqlite.SqLiteStorageProvider;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/**
 * JobRunr executing a pre-filled queue of no-op jobs with {@code threads} workers and its shortest allowed
 * poll interval for SQL storage (5 s), on PostgreSQL or SQLite (both are JobRunr storage providers).
 */
final class JobRunrDrain implements Contender {
    private final HikariDataSource pool;
    private final StorageProvider storage;
    private final JacksonJsonMapper json = new JacksonJsonMapper();
    private final int threads;
    private final int tasks;
    private final Duration timeout;

    JobRunrDrain(ScratchDatabase database, int threads, int tasks, Duration timeout) {
        this.pool = JdbcConnections.open(database.kind(), database.url());
        this.storage = database.kind() == BackendKind.POSTGRESQL
                ? new PostgresStorageProvider(pool)
                : new SqLiteStorageProvider(pool);
        storage.setJobMapper(new JobMapper(json));
        this.threads = threads;
        this.tasks = tasks;
        this.timeout = timeout;
    }

    @Override
    public String system() {
        return "jobrunr";
    }

    @Override
    public RoundResult round(int index) throws Exception {
        new JobScheduler(storage).enqueue(IntStream.range(0, tasks).boxed(), n -> JobRunrJobs.noop(n));
        JobRunrJobs.counter = new ExecutionCounter(tasks);
        BackgroundJobServer server = new BackgroundJobServer(
                storage,
                json,
                null,
                BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                        .andWorkerCount(threads)
                        .andPollInterval(Duration.ofSeconds(5)));
        server.start();
        try {
            return JobRunrJobs.counter.await(timeout);
        } finally {
            server.stop();
        }
    }

    @Override
    public void close() {
        storage.close();
        pool.close();
    }
}
