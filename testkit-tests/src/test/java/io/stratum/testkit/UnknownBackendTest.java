package io.stratum.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.stratum.Stratum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A backend name that no test database service on the class path has fails the test, naming those that exist. */
class UnknownBackendTest {

    @StratumTest(backend = "sqlite-mem")
    static class Misspelt {
        @Test
        void needsADatabase(Stratum db) {
            throw new AssertionError("must not run");
        }
    }

    @Test
    void failsWithTheInstalledNames() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Misspelt.class))
                .enableImplicitConfigurationParameters(false)
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("needsADatabase"),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(m -> m.contains("unknown test database 'sqlite-mem'")
                                                && m.contains("sqlite-memory")
                                                && m.contains("sqlite-file")
                                                && m.contains("postgresql")))));
    }
}
