package io.stratum.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.PoolSettings;
import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import io.stratum.testkit.tck.ScratchDatabases;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresPoolTest {
    private final ScratchDatabases databases = ScratchDatabases.of("postgresql");
    private String url;

    @BeforeAll
    void createDatabase() {
        url = databases.freshUrl();
        try (Stratum db = Stratum.open(url)) {
            db.migrate();
        }
    }

    @AfterAll
    void dropDatabase() {
        databases.close();
    }

    @Test
    void poolSizeAndDriverPropertiesAreApplied() throws Exception {
        try (Stratum db = Stratum.builder()
                        .url(url)
                        .pool(PoolSettings.defaults().withMaxSize(3).withMinIdle(3))
                        .driverProperty("ApplicationName", "stratum-pool-test")
                        .open();
                ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 64; i++) {
                int n = i;
                pool.submit(() ->
                        db.tasks().submit(NewTask.builder("t" + n, "coder").build()));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(db.tasks().count(TaskFilters.all())).isGreaterThanOrEqualTo(64);
            Object connections = db.dsl()
                    .fetchValue(
                            "SELECT count(*)::int FROM pg_stat_activity WHERE application_name = 'stratum-pool-test'"
                                    + " AND datname = current_database()");
            assertThat(connections).isEqualTo(3);
            assertThat(db.dsl().fetchValue("SHOW application_name")).isEqualTo("stratum-pool-test");
        }
    }

    @Test
    void applicationOwnedDataSourceIsUsedAndLeftOpen() throws Exception {
        PGSimpleDataSource own = new PGSimpleDataSource();
        own.setURL(url);
        try (Stratum db = Stratum.open(own, SQLDialect.POSTGRES)) {
            assertThat(db.backendName()).isEqualTo("postgresql");
            db.tasks().submit(NewTask.builder("on my data source", "coder").build());
        }
        try (var c = own.getConnection()) {
            assertThat(c.isValid(1)).isTrue();
        }
    }
}
