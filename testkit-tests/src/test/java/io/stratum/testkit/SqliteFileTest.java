package io.stratum.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** SQLite files: a fresh, migrated WAL database file per test, deleted with its directory afterwards. */
class SqliteFileTest {
    static final List<Path> FILES = new CopyOnWriteArrayList<>();

    @StratumTest(backend = "sqlite-file")
    static class ThreeTests {
        @RepeatedTest(3)
        void test(Stratum db, DSLContext dsl) {
            String url = dsl.fetchSingle("SELECT file FROM pragma_database_list WHERE name = 'main'")
                    .get(0, String.class);
            Path file = Path.of(url);
            assertThat(file).exists();
            FILES.add(file);
            assertThat(dsl.fetchSingle("PRAGMA journal_mode").get(0, String.class))
                    .isEqualTo("wal");
            assertThat(db.tasks().count(TaskFilters.all())).isZero();
            db.tasks()
                    .submit(NewTask.builder("leave something behind", "tester").build());
        }
    }

    @Test
    void everyTestHasItsOwnFileWhichIsDeletedAfterwards() {
        FILES.clear();
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ThreeTests.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(3));
        assertThat(FILES).hasSize(3).doesNotHaveDuplicates();
        assertThat(FILES).allSatisfy(file -> assertThat(file.getParent()).doesNotExist());
        assertThat(FILES.stream().map(Files::exists)).containsOnly(false);
    }
}
