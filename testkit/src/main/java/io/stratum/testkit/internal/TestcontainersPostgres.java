package io.stratum.testkit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The one class that refers to Testcontainers. {@link TestcontainersRuntime} loads it only after finding
 * Testcontainers on the class path, so the testkit runs without it. It starts the server as Testcontainers'
 * {@code PostgreSQLContainer} does, with Testcontainers' core only: that module splits the package
 * {@code org.testcontainers.containers} with the {@code postgresql} and {@code jdbc} ones, so no Java module can read
 * them together.
 */
final class TestcontainersPostgres {
    private static final Logger LOG = LoggerFactory.getLogger(TestcontainersPostgres.class);
    private static final int PORT = 5432;
    private static final String DATABASE = "test";
    private static final String USER = "test";
    private static final String PASSWORD = "test";
    private static GenericContainer<?> container;

    private TestcontainersPostgres() {}

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /** Starts the JVM's container on the first call (Testcontainers' Ryuk removes it when the JVM exits). */
    static synchronized String url(String image) {
        if (container == null) {
            LOG.info("starting a PostgreSQL container ({}) for this JVM's tests", image);
            GenericContainer<?> started = new GenericContainer<>(
                            DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                    .withEnv("POSTGRES_DB", DATABASE)
                    .withEnv("POSTGRES_USER", USER)
                    .withEnv("POSTGRES_PASSWORD", PASSWORD)
                    .withCommand("postgres", "-c", "fsync=off")
                    .withExposedPorts(PORT)
                    // The image's entrypoint starts a temporary server to initialise the database, then the real one.
                    .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2));
            started.start();
            container = started;
        }
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(PORT) + "/" + DATABASE
                + "?user=" + USER + "&password=" + PASSWORD;
    }
}
