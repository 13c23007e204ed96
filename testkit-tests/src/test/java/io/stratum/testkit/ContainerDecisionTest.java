package io.stratum.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.stratum.Stratum;
import io.stratum.testkit.internal.TestSetup;
import io.stratum.testkit.internal.TestcontainersRuntime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.TestAbortedException;

/**
 * With a Docker engine running (scripts/containers starts one), an image that is neither present nor pullable is
 * found out before anything is started or pulled: every test of the JVM is skipped with the one reason, and no
 * container of the image was tried. Each case has a runtime of its own, so that nothing is remembered from others.
 */
class ContainerDecisionTest {
    /** No engine has it, and its registry (port 1 of this machine) refuses connections at once. */
    static final String ABSENT = "localhost:1/stratum/absent-postgres:1";

    static final TestcontainersRuntime ABSENT_IMAGE_RUNTIME = new TestcontainersRuntime(System::getenv);

    static class OnAnAbsentImage {
        @RegisterExtension
        static final StratumExtension STRATUM = new StratumExtension(
                new TestSetup("postgresql", "", List.of()),
                Map.of("STRATUM_TEST_POSTGRES_IMAGE", ABSENT)::get,
                ABSENT_IMAGE_RUNTIME);

        @Test
        void first(Stratum db) {
            throw new AssertionError("must not run");
        }

        @Test
        void second(Stratum db) {
            throw new AssertionError("must not run");
        }
    }

    @Test
    void anAbsentImageSkipsEveryTestWithOneReasonAndNothingIsPulled() {
        String reason = "the image " + ABSENT + " is not present in the Docker engine at ";
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(OnAnAbsentImage.class))
                .enableImplicitConfigurationParameters(false)
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(2).aborted(2))
                .assertThatEvents()
                .haveExactly(
                        2,
                        event(
                                test(),
                                abortedWithReason(
                                        instanceOf(TestAbortedException.class),
                                        message(m -> m.contains(reason)
                                                && m.contains("its registry localhost:1 does not answer")
                                                && !m.contains("\n")))));
        assertThat(ABSENT_IMAGE_RUNTIME.attempted(ABSENT)).isFalse();
    }

    @Test
    void theDecisionIsPerImage() {
        TestcontainersRuntime runtime = new TestcontainersRuntime(System::getenv);
        // The image scripts/containers builds is there, beside an absent one, on the same engine.
        assertThat(runtime.unavailability("postgresql", System.getenv("STRATUM_TEST_POSTGRES_IMAGE")))
                .isEmpty();
        assertThat(runtime.unavailability("postgresql", ABSENT))
                .hasValueSatisfying(why -> assertThat(why).startsWith("the image " + ABSENT));
    }

    @Test
    void anEngineThatIsNotThereIsNamedInTheReason() {
        TestcontainersRuntime runtime =
                new TestcontainersRuntime(Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock")::get);
        assertThat(runtime.unavailability("postgresql", "postgres:16-alpine"))
                .hasValueSatisfying(why ->
                        assertThat(why).startsWith("no Docker engine answers at unix:///nonexistent/docker.sock"));
    }

    @Test
    void aBackendWithoutRecipeHasNoContainer() {
        assertThat(new TestcontainersRuntime(System::getenv).unavailability("sqlite", "anything"))
                .contains("the testkit knows no way to run a sqlite server in a container");
    }
}
