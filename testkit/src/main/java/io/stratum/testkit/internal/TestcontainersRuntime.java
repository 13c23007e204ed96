package io.stratum.testkit.internal;

import java.util.Optional;

/**
 * {@link Containers} through Testcontainers, when it is on the class path. Whether Docker answers is asked
 * once per JVM.
 */
public final class TestcontainersRuntime implements Containers {
    /** The runtime of this JVM. */
    public static final TestcontainersRuntime INSTANCE = new TestcontainersRuntime();

    private static final String PROBE_CLASS = "org.testcontainers.DockerClientFactory";

    private volatile Optional<String> unavailability;

    private TestcontainersRuntime() {}

    @Override
    public Optional<String> unavailability() {
        Optional<String> known = unavailability;
        if (known == null) {
            synchronized (this) {
                known = unavailability;
                if (known == null) {
                    known = probe();
                    unavailability = known;
                }
            }
        }
        return known;
    }

    @Override
    public String serverUrl(String image) {
        return TestcontainersPostgres.url(image);
    }

    private static Optional<String> probe() {
        try {
            Class.forName(PROBE_CLASS, false, TestcontainersRuntime.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Optional.of("Testcontainers (org.testcontainers:postgresql) is not on the test class path");
        }
        try {
            return TestcontainersPostgres.dockerAvailable()
                    ? Optional.empty()
                    : Optional.of("Testcontainers found no Docker engine that answers");
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("Testcontainers cannot ask Docker: " + e);
        }
    }
}
