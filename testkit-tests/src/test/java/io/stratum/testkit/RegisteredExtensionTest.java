package io.stratum.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.stratum.Stratum;
import io.stratum.task.TaskFilters;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The extension registered in code: its settings apply to the class, a method's annotation still wins. */
class RegisteredExtensionTest {
    @RegisterExtension
    static final StratumExtension STRATUM = StratumExtension.on("sqlite-file").withFixtures("fixtures/release.yaml");

    @Test
    void theExtensionsSettingsApply(Stratum db, DataSource dataSource, Fixtures fixtures) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).endsWith("stratum.db");
        }
        assertThat(fixtures.tasks()).containsOnlyKeys("spec", "api", "ui", "release", "epic");
        assertThat(db.tasks().count(TaskFilters.all())).isEqualTo(6);
    }

    @Test
    @StratumTest
    void aMethodAnnotationReplacesThem(Stratum db, DataSource dataSource, Fixtures fixtures) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).contains(":memory:");
        }
        assertThat(fixtures.tasks()).isEmpty();
        assertThat(db.tasks().count(TaskFilters.all())).isZero();
    }

    @StratumTest
    static class RegisteredTwice {
        @RegisterExtension
        static final StratumExtension STRATUM = StratumExtension.on("sqlite-memory");

        @Test
        void test(Stratum db) {}
    }

    @Test
    void registeringItTwiceIsAnError() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(RegisteredTwice.class))
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("test"),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(m -> m.contains("registered twice")))));
    }
}
