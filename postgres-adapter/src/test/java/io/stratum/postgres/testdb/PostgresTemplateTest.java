package io.stratum.postgres.testdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Stratum;
import io.stratum.testkit.tck.ScratchDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The template database: migrated once, closed to connections, cloned and dropped, also from many threads. */
class PostgresTemplateTest {
    private static String serverUrl;

    @BeforeAll
    static void findServer() {
        try (ScratchDatabases databases = ScratchDatabases.of("postgresql")) {
            serverUrl = databases.serverUrl();
        }
    }

    @Test
    void clonesAMigratedTemplateThatNobodyCanConnectToAndDropsItLast() {
        PostgresTemplate template = PostgresTemplate.create(serverUrl);
        List<String> databases = List.of(template.createDatabase(), template.createDatabase());
        try (Stratum db = Stratum.open(template.url(databases.get(0)))) {
            assertThat(db.schema().status()).isNotEmpty().allMatch(changeSet -> changeSet.applied());
        }
        try (Stratum server = Stratum.open(serverUrl)) {
            assertThat(server.dsl()
                            .fetchSingle("SELECT datallowconn FROM pg_database WHERE datname = ?", template.name())
                            .get(0, Boolean.class))
                    .isFalse();
        }

        template.dropDatabase(databases.get(0));
        template.awaitDrops();
        assertThat(exists(databases.get(0))).isFalse();
        assertThat(exists(databases.get(1))).isTrue();

        template.dropDatabase(databases.get(1));
        template.close();
        assertThat(exists(databases.get(1))).isFalse();
        assertThat(exists(template.name())).isFalse();
    }

    @Test
    void manyThreadsShareOneTemplateAndGetDatabasesOfTheirOwn() throws Exception {
        String server = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "ApplicationName=stratum-template-race";
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            List<PostgresTemplate> seen = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> {
                    PostgresTemplate template = PostgresTestDatabases.TEMPLATES.forServer(server);
                    synchronized (seen) {
                        seen.add(template);
                    }
                    return template.createDatabase();
                });
            }
            List<String> databases = new ArrayList<>();
            for (Future<String> created : threads.invokeAll(tasks)) {
                databases.add(created.get());
            }
            assertThat(databases).doesNotHaveDuplicates().allMatch(PostgresTemplateTest::exists);
            assertThat(seen).hasSize(8).allMatch(template -> template == seen.get(0));
            databases.forEach(seen.get(0)::dropDatabase);
            seen.get(0).awaitDrops();
            assertThat(databases).noneMatch(PostgresTemplateTest::exists);
        } finally {
            threads.shutdown();
        }
    }

    private static boolean exists(String database) {
        try (Stratum server = Stratum.open(serverUrl)) {
            return server.dsl()
                    .fetchExists(server.dsl().selectOne().from("pg_database").where("datname = ?", database));
        }
    }
}
