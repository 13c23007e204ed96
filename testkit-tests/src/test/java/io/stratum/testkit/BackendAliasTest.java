package io.stratum.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.stratum.Stratum;
import io.stratum.spi.TestDatabaseService;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code postgres}, the older name the settings accept ({@code stratum.test.postgres.url}), names the
 * {@code postgresql} test database service too: in {@link StratumExtension#on(String)} and in
 * {@link StratumTest#backend()}.
 */
class BackendAliasTest {

    static class InCode {
        @RegisterExtension
        static final StratumExtension STRATUM = StratumExtension.on("postgres");

        @Test
        void runsOnPostgresql(Stratum db) {
            assertThat(db.dsl().dialect().family()).isEqualTo(SQLDialect.POSTGRES);
        }
    }

    @StratumTest(backend = "postgres")
    static class Annotated {
        @Test
        void runsOnPostgresql(Stratum db) {
            assertThat(db.dsl().dialect().family()).isEqualTo(SQLDialect.POSTGRES);
        }
    }

    @Test
    void theSettingsNameFindsTheService() {
        assertThat(TestDatabaseService.named("postgres").name()).isEqualTo("postgresql");
        assertThat(TestDatabaseService.named("postgresql").name()).isEqualTo("postgresql");
    }

    @Test
    void testsNamingPostgresRunOnPostgresql() {
        for (Class<?> tests : new Class<?>[] {InCode.class, Annotated.class}) {
            EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(tests))
                    .enableImplicitConfigurationParameters(false)
                    .execute()
                    .testEvents()
                    .assertStatistics(stats -> stats.succeeded(1).failed(0).aborted(0));
        }
    }
}
