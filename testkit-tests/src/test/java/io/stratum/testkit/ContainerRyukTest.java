package io.stratum.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.stratum.testkit.internal.TestcontainersRuntime;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With Ryuk enabled (TESTCONTAINERS_RYUK_DISABLED unset), an engine without Testcontainers' Ryuk image and no
 * registry to pull it from is a reason of its own, naming the image and the way out. Runs where Docker Hub cannot be
 * reached (as on machines set up by scripts/containers); elsewhere Ryuk could be pulled, and the case is skipped.
 */
class ContainerRyukTest {

    @Test
    void aMissingRyukImageIsNamedWithTheWayOut() {
        assumeFalse(dockerHubAnswers(), "Docker Hub answers here: Ryuk could be pulled");
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.remove("TESTCONTAINERS_RYUK_DISABLED");
        TestcontainersRuntime runtime = new TestcontainersRuntime(environment::get);

        assertThat(runtime.unavailability("postgresql", System.getenv("STRATUM_TEST_POSTGRES_IMAGE")))
                .hasValueSatisfying(why -> assertThat(why)
                        .startsWith("Testcontainers' Ryuk image testcontainers/ryuk:")
                        .contains("is not present in the Docker engine at")
                        .contains("set TESTCONTAINERS_RYUK_DISABLED=true to do without it"));
    }

    private static boolean dockerHubAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("registry-1.docker.io", 443), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
