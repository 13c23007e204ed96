package io.stratum.testkit.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether an engine found by {@link DockerApi} can run an image: it answers its ping, and the image is present or
 * its registry accepts a connection (so that a pull can work). Every question has a deadline, so that a missing
 * engine, image or registry is known in well under two seconds instead of after Testcontainers' pull retries.
 */
final class DockerProbe {
    static final Duration ENGINE_DEADLINE = Duration.ofMillis(1_000);
    static final Duration REGISTRY_DEADLINE = Duration.ofMillis(600);
    private static final String DOCKER_HUB = "registry-1.docker.io";
    /** Never closed: closing waits for a question stuck past its deadline (a DNS look-up, say). Virtual threads. */
    private static final ExecutorService QUESTIONS = Executors.newVirtualThreadPerTaskExecutor();

    private final DockerApi api;
    private final Map<String, Boolean> reachableRegistries = new ConcurrentHashMap<>();

    DockerProbe(DockerApi api) {
        this.api = api;
    }

    /** Why the engine cannot be used, or empty when it answers its ping. */
    Optional<String> engineProblem() {
        try {
            int status = within(ENGINE_DEADLINE, () -> api.status("/_ping"));
            return status == 200
                    ? Optional.empty()
                    : Optional.of("the Docker engine at " + api.endpoint() + " answers its ping with HTTP " + status);
        } catch (TimeoutException e) {
            return Optional.of("the Docker engine at " + api.endpoint() + " does not answer within "
                    + ENGINE_DEADLINE.toMillis() + " ms");
        } catch (IOException e) {
            return Optional.of("no Docker engine answers at " + api.endpoint() + " (" + e.getMessage() + ")");
        }
    }

    /**
     * Why {@code image} cannot be had, or empty when the engine has it or its registry answers.
     *
     * @param role what the image is for, for the reason, e.g. {@code the image} or {@code Testcontainers' Ryuk image}
     */
    Optional<String> imageProblem(String image, String role) {
        int status;
        try {
            status = within(ENGINE_DEADLINE, () -> api.status("/images/" + image + "/json"));
        } catch (TimeoutException | IOException e) {
            return Optional.of("the Docker engine at " + api.endpoint() + " did not say whether it has " + image);
        }
        if (status == 200) {
            return Optional.empty();
        }
        String registry = registryOf(image);
        if (reachableRegistries.computeIfAbsent(registry, DockerProbe::answers)) {
            return Optional.empty();
        }
        return Optional.of(role + " " + image + " is not present in the Docker engine at " + api.endpoint()
                + " and its registry " + registry + " does not answer, so it cannot be pulled");
    }

    /** The registry an image is pulled from: the first part of its name when that names a host, else Docker Hub. */
    static String registryOf(String image) {
        int slash = image.indexOf('/');
        if (slash > 0) {
            String first = image.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return first;
            }
        }
        return DOCKER_HUB;
    }

    private static boolean answers(String registry) {
        int colon = registry.lastIndexOf(':');
        String host = colon < 0 ? registry : registry.substring(0, colon);
        int port = colon < 0 ? 443 : Integer.parseInt(registry.substring(colon + 1));
        try {
            return within(REGISTRY_DEADLINE, () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(host, port), (int) REGISTRY_DEADLINE.toMillis());
                    return true;
                }
            });
        } catch (TimeoutException | IOException e) {
            return false;
        }
    }

    /** Runs {@code task} on a virtual thread, giving up (and interrupting it) after {@code deadline}. */
    private static <T> T within(Duration deadline, Callable<T> task) throws TimeoutException, IOException {
        Future<T> future = QUESTIONS.submit(task);
        try {
            return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
        }
    }
}
