package io.stratum.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.InvalidInput;
import io.stratum.spi.TestDatabaseService;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a test's server comes from, for every combination of settings and Docker (on the postgresql service). */
class ServerSelectionTest {
    static final TestDatabaseService POSTGRESQL = TestDatabaseService.named("postgresql");
    static final String ANNOTATED = "jdbc:postgresql://annotated:5432/postgres";
    static final String PROPERTY = "jdbc:postgresql://property:5432/postgres";
    static final String VARIABLE = "jdbc:postgresql://variable:5432/postgres";

    /** A container runtime that answers as told and must not be asked when a URL is given. */
    record FakeContainers(Optional<String> unavailability, boolean mayBeAsked) implements Containers {
        static FakeContainers docker() {
            return new FakeContainers(Optional.empty(), true);
        }

        static FakeContainers noDocker() {
            return new FakeContainers(Optional.of("Testcontainers found no Docker engine that answers"), true);
        }

        static FakeContainers notToBeAsked() {
            return new FakeContainers(Optional.empty(), false);
        }

        @Override
        public Optional<String> unavailability(String backend, String image) {
            assertThat(mayBeAsked)
                    .as("containers consulted although a URL was given")
                    .isTrue();
            return unavailability;
        }

        @Override
        public String serverUrl(String backend, String image) {
            throw new AssertionError("selection never starts a container");
        }
    }

    static Settings settings(Map<String, String> parameters, Map<String, String> environment) {
        return new Settings(name -> Optional.ofNullable(parameters.get(name)), environment::get);
    }

    static ServerSource select(
            String annotated, Map<String, String> parameters, Map<String, String> environment, Containers containers) {
        return ServerSelection.select(POSTGRESQL, annotated, settings(parameters, environment), containers);
    }

    @Test
    void theAnnotationComesFirst() {
        assertThat(select(
                        ANNOTATED,
                        Map.of("stratum.test.postgres.url", PROPERTY),
                        Map.of("STRATUM_TEST_POSTGRES_URL", VARIABLE),
                        FakeContainers.notToBeAsked()))
                .isEqualTo(new ServerSource.Url(ANNOTATED, "@StratumTest(serverUrl)"));
    }

    @Test
    void thenTheConfigurationParameterOrSystemProperty() {
        assertThat(select(
                        "",
                        Map.of("stratum.test.postgres.url", PROPERTY),
                        Map.of("STRATUM_TEST_POSTGRES_URL", VARIABLE),
                        FakeContainers.notToBeAsked()))
                .isEqualTo(new ServerSource.Url(PROPERTY, "stratum.test.postgres.url / STRATUM_TEST_POSTGRES_URL"));
    }

    @Test
    void theServiceNameComesBeforeTheOlderName() {
        assertThat(select(
                        "",
                        Map.of("stratum.test.postgres.url", PROPERTY),
                        Map.of("STRATUM_TEST_POSTGRESQL_URL", VARIABLE),
                        FakeContainers.notToBeAsked()))
                .isEqualTo(new ServerSource.Url(VARIABLE, "stratum.test.postgresql.url / STRATUM_TEST_POSTGRESQL_URL"));
    }

    @Test
    void thenTheEnvironmentVariable() {
        assertThat(select("", Map.of(), Map.of("STRATUM_TEST_POSTGRES_URL", VARIABLE), FakeContainers.notToBeAsked()))
                .isInstanceOfSatisfying(
                        ServerSource.Url.class, url -> assertThat(url.url()).isEqualTo(VARIABLE));
    }

    @Test
    void blankValuesAndUnresolvedPlaceholdersAreUnset() {
        assertThat(select(
                        " ",
                        Map.of("stratum.test.postgres.url", "${env.STRATUM_TEST_POSTGRES_URL}"),
                        Map.of("STRATUM_TEST_POSTGRES_URL", "  "),
                        FakeContainers.docker()))
                .isInstanceOf(ServerSource.Container.class);
    }

    @Test
    void thenAContainerOfTheServiceImageWhenDockerAnswers() {
        assertThat(select("", Map.of(), Map.of(), FakeContainers.docker()))
                .isEqualTo(new ServerSource.Container("postgresql", "postgres:16-alpine"));
        assertThat(select("", Map.of(), Map.of("STRATUM_TEST_POSTGRES_IMAGE", "postgres:15"), FakeContainers.docker()))
                .isEqualTo(new ServerSource.Container("postgresql", "postgres:15"));
    }

    @Test
    void elseNothingWithTheReasonAndNotRequired() {
        assertThat(select("", Map.of(), Map.of(), FakeContainers.noDocker()))
                .isInstanceOfSatisfying(ServerSource.Missing.class, missing -> {
                    assertThat(missing.required()).isFalse();
                    assertThat(missing.reason())
                            .contains(
                                    "set STRATUM_TEST_POSTGRESQL_URL or STRATUM_TEST_POSTGRES_URL",
                                    "-Dstratum.test.postgresql.url",
                                    "@StratumTest(serverUrl = ...)",
                                    "no container either: Testcontainers found no Docker engine");
                });
    }

    @Test
    void requiredByEnvironmentVariableOrParameter() {
        Setting older = new Setting("stratum.test.require.postgres", "STRATUM_TEST_REQUIRE_POSTGRES");
        assertThat(select("", Map.of(), Map.of("STRATUM_TEST_REQUIRE_POSTGRES", "TRUE"), FakeContainers.noDocker()))
                .isEqualTo(new ServerSource.Missing(missingReason(), older));
        assertThat(select("", Map.of("stratum.test.require.postgres", "true"), Map.of(), FakeContainers.noDocker()))
                .isEqualTo(new ServerSource.Missing(missingReason(), older));
        assertThat(select("", Map.of(), Map.of("STRATUM_TEST_REQUIRE_POSTGRESQL", "true"), FakeContainers.noDocker()))
                .isEqualTo(new ServerSource.Missing(
                        missingReason(),
                        new Setting("stratum.test.require.postgresql", "STRATUM_TEST_REQUIRE_POSTGRESQL")));
        assertThat(select("", Map.of(), Map.of("STRATUM_TEST_REQUIRE_POSTGRES", "no"), FakeContainers.noDocker()))
                .isEqualTo(new ServerSource.Missing(missingReason(), null));
    }

    @Test
    void aUrlOfAnotherDatabaseIsRefusedWithItsPasswordMasked() {
        assertThatThrownBy(() -> select("jdbc:sqlite:test.db", Map.of(), Map.of(), FakeContainers.notToBeAsked()))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining(
                        "@StratumTest(serverUrl): 'jdbc:sqlite:test.db' is not a JDBC URL of a postgresql server");
        assertThatThrownBy(() -> select(
                        "",
                        Map.of(),
                        Map.of("STRATUM_TEST_POSTGRES_URL", "jdbc:mysql://h/db?password=secret"),
                        FakeContainers.notToBeAsked()))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("secret");
    }

    private static String missingReason() {
        ServerSource.Missing missing = (ServerSource.Missing) select("", Map.of(), Map.of(), FakeContainers.noDocker());
        return missing.reason();
    }
}
