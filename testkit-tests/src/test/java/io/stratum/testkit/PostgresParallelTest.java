package io.stratum.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * PostgreSQL tests under JUnit's parallel execution: the first ones race to create the template (a URL of
 * their own gives them a new one), and every test still gets a database of its own.
 */
class PostgresParallelTest {
    static final Set<String> DATABASES = ConcurrentHashMap.newKeySet();

    static class TwelveTests {
        @RegisterExtension
        static final StratumExtension STRATUM =
                StratumExtension.on("postgresql", TestServer.urlWith("ApplicationName=stratum-testkit-parallel"));

        @RepeatedTest(12)
        void test(Stratum db, DSLContext dsl) {
            assertThat(DATABASES.add(
                            dsl.fetchSingle("SELECT current_database()").get(0, String.class)))
                    .isTrue();
            assertThat(db.tasks().count(TaskFilters.all())).isZero();
            db.tasks()
                    .submit(NewTask.builder("leave something behind", "tester").build());
        }
    }

    @Test
    void everyParallelTestGetsItsOwnDatabase() {
        TestServer.url();
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(TwelveTests.class))
                .configurationParameters(Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "6"))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(12).succeeded(12));
        assertThat(DATABASES).hasSize(12);
    }
}
