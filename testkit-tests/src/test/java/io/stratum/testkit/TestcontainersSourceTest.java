package io.stratum.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.testkit.internal.TestSetup;
import io.stratum.testkit.internal.TestcontainersRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * With no URL configured and a Docker engine that answers, the tests run on a Testcontainers PostgreSQL
 * container. Runs only where Docker answers (not on the machines this project is built on).
 */
@EnabledIf("dockerAnswers")
class TestcontainersSourceTest {

    static boolean dockerAnswers() {
        return TestcontainersRuntime.INSTANCE
                .unavailability("postgresql", "postgres:16-alpine")
                .isEmpty();
    }

    static class WithoutUrl {
        @RegisterExtension
        static final StratumExtension STRATUM = new StratumExtension(
                new TestSetup("postgresql", "", List.of()), name -> null, TestcontainersRuntime.INSTANCE);

        @Test
        void runsOnTheContainer(Stratum db) {
            assertThat(db.backendName()).isEqualTo("postgresql");
            db.tasks().submit(NewTask.builder("runs in a container", "tester").build());
        }

        @Test
        void reusesIt(Stratum db) {
            assertThat(db.backendName()).isEqualTo("postgresql");
        }
    }

    @Test
    void startsOneContainerForTheJvm() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(WithoutUrl.class))
                .enableImplicitConfigurationParameters(false)
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(2));
    }
}
