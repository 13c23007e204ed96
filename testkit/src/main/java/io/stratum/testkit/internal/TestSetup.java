package io.stratum.testkit.internal;

import io.stratum.testkit.StratumTest;
import java.util.List;
import java.util.Objects;

/**
 * What a test asked for: a test database service by name, an optional server URL (empty: the configured one)
 * and fixture files.
 */
public record TestSetup(String backend, String serverUrl, List<String> fixtures) {
    /** What a test gets when nothing is declared: in-memory SQLite, no fixtures. */
    public static final TestSetup DEFAULT = new TestSetup(StratumTest.DEFAULT_BACKEND, "", List.of());

    public TestSetup {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(serverUrl, "serverUrl");
        fixtures = List.copyOf(fixtures);
    }

    public static TestSetup of(StratumTest annotation) {
        return new TestSetup(annotation.backend(), annotation.serverUrl(), List.of(annotation.fixtures()));
    }

    public TestSetup withFixtures(List<String> resources) {
        return new TestSetup(backend, serverUrl, resources);
    }

    public TestSetup withServerUrl(String url) {
        return new TestSetup(backend, url, fixtures);
    }
}
