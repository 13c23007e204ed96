package io.stratum.testkit.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * The one class that refers to Testcontainers. {@link TestcontainersRuntime} loads it only after finding
 * Testcontainers on the class path, so the testkit runs without it. It starts servers with Testcontainers' core
 * only: that module splits the package {@code org.testcontainers.containers} with the {@code postgresql} and
 * {@code jdbc} ones, so no Java module can read them together.
 *
 * <p>One container per image and JVM, stopped by a shutdown hook (Testcontainers' Ryuk, when it runs, would remove
 * it too). A container that failed to start is not tried again in the same JVM.
 */
final class TestcontainersServers {
    private static final Logger LOG = LoggerFactory.getLogger(TestcontainersServers.class);
    private static final String RYUK_IMAGE = "testcontainers/ryuk:0.12.0";
    private static final String CHECKS_IMAGE = "alpine:3.17";
    private static final Map<String, GenericContainer<?>> STARTED = new ConcurrentHashMap<>();
    private static final Map<String, RuntimeException> FAILED = new ConcurrentHashMap<>();

    private TestcontainersServers() {}

    /**
     * The images Testcontainers itself runs before the first container, with what each is for: its Ryuk container
     * (the reaper), unless {@code TESTCONTAINERS_RYUK_DISABLED} is true in {@code environment}, else the image of its
     * start-up checks, unless those are disabled. The names are those Testcontainers 1.21 runs (it has no public
     * accessor for them), after its image name substitution ({@code hub.image.name.prefix}).
     */
    static List<OwnImage> ownImages(Function<String, String> environment) {
        if (!Boolean.parseBoolean(environment.apply("TESTCONTAINERS_RYUK_DISABLED"))) {
            return List.of(new OwnImage(
                    substituted(RYUK_IMAGE),
                    "Testcontainers' Ryuk image",
                    "Ryuk removes containers when the JVM exits; set TESTCONTAINERS_RYUK_DISABLED=true to do without"
                            + " it, the testkit then stops its containers itself"));
        }
        if (!TestcontainersConfiguration.getInstance().isDisableChecks()) {
            return List.of(new OwnImage(
                    substituted(CHECKS_IMAGE),
                    "the image of Testcontainers' start-up checks",
                    "checks.disable=true in ~/.testcontainers.properties does without it"));
        }
        return List.of();
    }

    /** An image Testcontainers runs for itself: the name, what it is, and how to do without it. */
    record OwnImage(String image, String role, String hint) {}

    private static String substituted(String image) {
        return ImageNameSubstitutor.instance()
                .apply(DockerImageName.parse(image))
                .asCanonicalNameString();
    }

    /** The {@code docker.host} of Testcontainers' configuration file, or null. */
    static String configuredDockerHost() {
        return TestcontainersConfiguration.getInstance().getUserProperty("docker.host", null);
    }

    /** The JDBC URL of the JVM's container of {@code image}, run as {@code recipe} says; started on the first call. */
    static synchronized String url(ContainerRecipe recipe, String image) {
        RuntimeException failed = FAILED.get(image);
        if (failed != null) {
            throw new IllegalStateException(
                    "the container of " + image + " failed to start earlier in this JVM: " + failed.getMessage(),
                    failed);
        }
        GenericContainer<?> container = STARTED.get(image);
        if (container == null) {
            container = start(recipe, image);
        }
        return recipe.url(container.getHost(), container.getMappedPort(recipe.port()));
    }

    private static GenericContainer<?> start(ContainerRecipe recipe, String image) {
        long begin = System.nanoTime();
        GenericContainer<?> container = new GenericContainer<>(
                        DockerImageName.parse(image).asCompatibleSubstituteFor(recipe.compatibleWith()))
                .withEnv(recipe.environment())
                .withExposedPorts(recipe.port())
                .waitingFor(Wait.forLogMessage(recipe.readyLog(), recipe.readyTimes()));
        if (!recipe.command().isEmpty()) {
            container.withCommand(recipe.command().toArray(String[]::new));
        }
        try {
            container.start();
        } catch (RuntimeException e) {
            FAILED.put(image, e);
            container.stop();
            throw e;
        }
        STARTED.put(image, container);
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-container-" + image));
        LOG.info(
                "started a container of {} for this JVM's tests in {} ms",
                image,
                (System.nanoTime() - begin) / 1_000_000);
        return container;
    }

    /** Whether a container of {@code image} was started, or tried, in this JVM. */
    static boolean attempted(String image) {
        return STARTED.containsKey(image) || FAILED.containsKey(image);
    }

    /** Testcontainers' own answer to whether Docker can be used (for engines {@link DockerApi} cannot ask). */
    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }
}
