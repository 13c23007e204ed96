package io.stratum.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the testkit looks for a Docker engine, and which registry an image would be pulled from. */
class DockerLocationTest {

    static DockerApi.Location locate(Map<String, String> environment) {
        return DockerApi.locate(environment::get, Optional.empty());
    }

    @Test
    void dockerHostNamesTheEndpoint() {
        assertThat(locate(Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock")))
                .isInstanceOfSatisfying(
                        DockerApi.Location.Found.class,
                        found -> assertThat(found.api().endpoint()).isEqualTo("unix:///run/user/1000/docker.sock"));
        assertThat(locate(Map.of("DOCKER_HOST", "tcp://build-host:2375")))
                .isInstanceOfSatisfying(
                        DockerApi.Location.Found.class,
                        found -> assertThat(found.api().endpoint()).isEqualTo("tcp://build-host:2375"));
    }

    @Test
    void theConfigurationFileCountsWhenDockerHostIsUnset() {
        assertThat(DockerApi.locate(name -> null, Optional.of("unix:///srv/docker.sock")))
                .isInstanceOfSatisfying(
                        DockerApi.Location.Found.class,
                        found -> assertThat(found.api().endpoint()).isEqualTo("unix:///srv/docker.sock"));
    }

    @Test
    void encryptedOrOtherEndpointsAreLeftToTestcontainers() {
        assertThat(locate(Map.of("DOCKER_HOST", "tcp://build-host:2376", "DOCKER_TLS_VERIFY", "1")))
                .isEqualTo(new DockerApi.Location.Opaque("tcp://build-host:2376"));
        assertThat(locate(Map.of("DOCKER_HOST", "ssh://me@build-host")))
                .isEqualTo(new DockerApi.Location.Opaque("ssh://me@build-host"));
    }

    @Test
    void imagesComeFromTheHostInTheirNameElseDockerHub() {
        assertThat(DockerProbe.registryOf("postgres:16-alpine")).isEqualTo("registry-1.docker.io");
        assertThat(DockerProbe.registryOf("stratum-local/postgres:15")).isEqualTo("registry-1.docker.io");
        assertThat(DockerProbe.registryOf("ghcr.io/acme/postgres:16")).isEqualTo("ghcr.io");
        assertThat(DockerProbe.registryOf("localhost:5000/postgres:16")).isEqualTo("localhost:5000");
    }
}
