package io.stratum.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Containers} through Testcontainers, when it is on the class path. Whether containers can be used is
 * decided once per JVM for the engine and once per image, by asking the engine directly ({@link DockerProbe}) with
 * short deadlines: a missing engine, image or registry is reported in one line instead of Testcontainers' pull
 * retries and stack traces. Testcontainers is loaded only when a container is to be started.
 */
public final class TestcontainersRuntime implements Containers {
    /** The runtime of this JVM. */
    public static final TestcontainersRuntime INSTANCE = new TestcontainersRuntime(System::getenv);

    private static final Logger LOG = LoggerFactory.getLogger(TestcontainersRuntime.class);
    private static final String PROBE_CLASS = "org.testcontainers.DockerClientFactory";

    private final Function<String, String> environment;
    private final Map<String, Optional<String>> images = new ConcurrentHashMap<>();
    private Optional<String> engineProblem;
    private DockerProbe probe;

    /** A runtime with caches of its own, reading {@code DOCKER_HOST} and the like from {@code environment}. */
    public TestcontainersRuntime(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Optional<String> unavailability(String backend, String image) {
        if (ContainerRecipe.forBackend(backend).isEmpty()) {
            return Optional.of("the testkit knows no way to run a " + backend + " server in a container");
        }
        return images.computeIfAbsent(image, this::decide);
    }

    @Override
    public String serverUrl(String backend, String image) {
        ContainerRecipe recipe = ContainerRecipe.forBackend(backend)
                .orElseThrow(() -> new IllegalArgumentException("no container recipe for " + backend));
        return TestcontainersServers.url(recipe, image);
    }

    /** Whether this JVM started, or tried to start, a container of {@code image}. */
    public boolean attempted(String image) {
        return TestcontainersServers.attempted(image);
    }

    private Optional<String> decide(String image) {
        long begin = System.nanoTime();
        Optional<String> problem = engine().or(() -> imageProblem(image));
        long millis = (System.nanoTime() - begin) / 1_000_000;
        if (problem.isPresent()) {
            LOG.info("no containers of {} for this JVM's tests: {} (decided in {} ms)", image, problem.get(), millis);
        } else {
            LOG.info("containers of {} can be used (decided in {} ms)", image, millis);
        }
        return problem;
    }

    private synchronized Optional<String> engine() {
        if (engineProblem == null) {
            engineProblem = findEngine();
        }
        return engineProblem;
    }

    private Optional<String> findEngine() {
        try {
            Class.forName(PROBE_CLASS, false, TestcontainersRuntime.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Optional.of("Testcontainers (org.testcontainers:testcontainers) is not on the test class path");
        }
        DockerApi.Location location =
                DockerApi.locate(environment, Optional.ofNullable(TestcontainersServers.configuredDockerHost()));
        return switch (location) {
            case DockerApi.Location.Found found -> {
                probe = new DockerProbe(found.api());
                yield probe.engineProblem();
            }
            case DockerApi.Location.Opaque opaque ->
                TestcontainersServers.dockerAvailable()
                        ? Optional.empty()
                        : Optional.of("Testcontainers found no Docker engine that answers at " + opaque.endpoint());
            case DockerApi.Location.Nowhere nowhere ->
                Optional.of("no Docker engine: DOCKER_HOST is not set and there is no socket at "
                        + String.join(", ", nowhere.lookedAt()));
        };
    }

    private synchronized Optional<String> imageProblem(String image) {
        if (probe == null) {
            return Optional.empty(); // an engine only Testcontainers can ask: it will pull, or say why not
        }
        List<String> problems = new ArrayList<>();
        probe.imageProblem(image, "the image").ifPresent(problems::add);
        for (TestcontainersServers.OwnImage own : TestcontainersServers.ownImages(environment)) {
            probe.imageProblem(own.image(), own.role()).ifPresent(why -> problems.add(why + " (" + own.hint() + ")"));
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }
}
