package io.stratum.testkit.internal;

import io.stratum.testkit.StratumTest;
import io.stratum.testkit.TestBackend;
import java.util.List;
import java.util.Objects;

/**
 * What a test asked for: a backend, an optional PostgreSQL URL (empty: the configured one) and fixture files.
 */
public record TestSetup(TestBackend backend, String postgresUrl, List<String> fixtures) {
    /** What a test gets when nothing is declared: in-memory SQLite, no fixtures. */
    public static final TestSetup DEFAULT = new TestSetup(TestBackend.SQLITE_MEMORY, "", List.of());

    public TestSetup {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(postgresUrl, "postgresUrl");
        fixtures = List.copyOf(fixtures);
    }

    public static TestSetup of(StratumTest annotation) {
        return new TestSetup(annotation.backend(), annotation.postgresUrl(), List.of(annotation.fixtures()));
    }

    public TestSetup withFixtures(List<String> resources) {
        return new TestSetup(backend, postgresUrl, resources);
    }
}
