package io.stratum.testkit.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one class that refers to Testcontainers. {@link TestcontainersRuntime} loads it only after finding
 * Testcontainers on the class path, so the testkit runs without it.
 */
final class TestcontainersPostgres {
    private static final Logger LOG = LoggerFactory.getLogger(TestcontainersPostgres.class);
    private static PostgreSQLContainer<?> container;

    private TestcontainersPostgres() {
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /** Starts the JVM's container on the first call (Testcontainers' Ryuk removes it when the JVM exits). */
    static synchronized String url(String image) {
        if (container == null) {
            LOG.info("starting a PostgreSQL container ({}) for this JVM's tests", image);
            PostgreSQLContainer<?> started = new PostgreSQLContainer<>(
                    DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
            started.start();
            container = started;
        }
        String url = container.getJdbcUrl();
        return url + (url.contains("?") ? "&" : "?")
                + "user=" + URLEncoder.encode(container.getUsername(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(container.getPassword(), StandardCharsets.UTF_8);
    }
}
