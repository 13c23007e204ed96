package io.stratum.mariadb.testdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.testkit.tck.ScratchDatabases;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Test databases copied from the migrated template are current, usable and dropped; a copy beats migrating. */
class MariaDbTemplateTest {
    private static final Logger LOG = LoggerFactory.getLogger(MariaDbTemplateTest.class);
    private static String serverUrl;

    @BeforeAll
    static void findServer() {
        try (ScratchDatabases databases = ScratchDatabases.of("mariadb")) {
            serverUrl = databases.serverUrl();
        }
    }

    @Test
    void copiesAreCurrentUsableAndDropped() {
        MariaDbTemplate template = MariaDbTemplate.create(serverUrl);
        try {
            MariaDbDatabase copy = template.copy();
            try (Stratum db = Stratum.open(copy.url())) {
                assertThat(db.schema().state().upToDate()).isTrue();
                assertThat(db.schema().status()).isNotEmpty().allMatch(changeSet -> changeSet.applied());
                db.tasks().submit(NewTask.builder("copied", "planner").build());
                assertThat(db.queue().claim("w", 1, Duration.ofMinutes(1))).hasSize(1);
            }
            copy.close();
            assertThat(exists(copy.url())).isFalse();
        } finally {
            template.close();
        }
    }

    @Test
    void aCopyIsQuickerThanMigrating() {
        MariaDbTemplate template = MariaDbTemplate.create(serverUrl);
        try {
            long copying = 0;
            long migrating = 0;
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                template.copy().close();
                copying += System.nanoTime() - start;
                start = System.nanoTime();
                try (MariaDbDatabase empty = MariaDbDatabase.createEmpty(serverUrl);
                        Stratum db = Stratum.open(empty.url())) {
                    db.migrate();
                }
                migrating += System.nanoTime() - start;
            }
            LOG.info("copy of the template: {} ms, migration: {} ms", copying / 3_000_000, migrating / 3_000_000);
            assertThat(copying).isLessThan(migrating);
        } finally {
            template.close();
        }
    }

    private static boolean exists(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        try (Stratum server = Stratum.open(serverUrl)) {
            return server.dsl()
                    .fetchExists(server.dsl()
                            .select()
                            .from("information_schema.schemata")
                            .where("schema_name = ?", name));
        }
    }
}
