package io.stratum.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.stratum.Stratum;
import io.stratum.testkit.internal.Containers;
import io.stratum.testkit.internal.TestSetup;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.TestAbortedException;

/**
 * A PostgreSQL test with no URL and no container is skipped with a reason, or fails when PostgreSQL is
 * required. The cases run through EngineTestKit without system properties and with an environment and a
 * container runtime of their own, so the build's STRATUM_TEST_POSTGRES_URL does not reach them.
 */
class MissingServerTest {
    static final Containers NO_DOCKER = new Containers() {
        @Override
        public Optional<String> unavailability(String backend, String image) {
            return Optional.of("no Docker here");
        }

        @Override
        public String serverUrl(String backend, String image) {
            throw new AssertionError("no container may be started without Docker");
        }
    };
    static final TestSetup POSTGRES = new TestSetup("postgresql", "", List.of());

    static class WithoutEnvironment {
        @RegisterExtension
        static final StratumExtension STRATUM = new StratumExtension(POSTGRES, name -> null, NO_DOCKER);

        @Test
        void needsPostgres(Stratum db) {
            throw new AssertionError("must not run");
        }
    }

    static class RequiredByEnvironment {
        @RegisterExtension
        static final StratumExtension STRATUM =
                new StratumExtension(POSTGRES, Map.of("STRATUM_TEST_REQUIRE_POSTGRES", "TRUE")::get, NO_DOCKER);

        @Test
        void needsPostgres(Stratum db) {
            throw new AssertionError("must not run");
        }
    }

    @Test
    void isSkippedWithTheReason() {
        run(WithoutEnvironment.class, Map.of())
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("needsPostgres"),
                                abortedWithReason(
                                        instanceOf(TestAbortedException.class),
                                        message(m -> m.contains(
                                                        "set STRATUM_TEST_POSTGRESQL_URL or STRATUM_TEST_POSTGRES_URL")
                                                && m.contains("no Docker here")))));
    }

    @Test
    void failsWhenTheEnvironmentRequiresPostgres() {
        run(RequiredByEnvironment.class, Map.of())
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("needsPostgres"),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(m -> m.contains("STRATUM_TEST_REQUIRE_POSTGRES=true")
                                                && m.contains("no Docker here")))));
    }

    @Test
    void failsWhenAConfigurationParameterRequiresPostgres() {
        run(WithoutEnvironment.class, Map.of("stratum.test.require.postgres", "true"))
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("needsPostgres"),
                                finishedWithFailure(instanceOf(ExtensionConfigurationException.class))));
    }

    static Events run(Class<?> testClass, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(parameters)
                .execute()
                .testEvents();
    }
}
