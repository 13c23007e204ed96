package io.stratum.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A {@link NamespaceWorkerMain} JVM started inside a {@link NetworkNamespace}, its report lines read as they come:
 * tasks it completed, and the leases it lost and the latency of its claims under the phase the test was in.
 */
final class RemoteWorker implements AutoCloseable {
    final String name;
    private final Process process;
    private final Path log;
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger claims = new AtomicInteger();
    private final Map<String, List<String>> leasesLost = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> claimMicros = new ConcurrentHashMap<>();

    private RemoteWorker(String name, Process process, Path log, Supplier<String> phase) {
        this.name = name;
        this.process = process;
        this.log = log;
        Thread.ofPlatform().daemon().name("report-" + name).start(() -> read(phase));
    }

    /** Starts the worker {@code name} in {@code namespace}, connecting to {@code url}; errors go to a log. */
    static RemoteWorker start(NetworkNamespace namespace, String url, String name, Path logs, Supplier<String> phase)
            throws IOException {
        Path log = logs.resolve(name + ".log");
        Process process = new ProcessBuilder(namespace.exec(JavaProcess.command(NamespaceWorkerMain.class, url, name)))
                .redirectError(log.toFile())
                .start();
        return new RemoteWorker(name, process, log, phase);
    }

    private void read(Supplier<String> phase) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] words = line.split(" ");
                switch (words[0]) {
                    case "completed" -> completed.set(Integer.parseInt(words[1]));
                    case "lease-lost" ->
                        leasesLost
                                .computeIfAbsent(phase.get(), p -> new CopyOnWriteArrayList<>())
                                .add(words[1]);
                    case "claim" -> {
                        claimMicros
                                .computeIfAbsent(phase.get(), p -> new CopyOnWriteArrayList<>())
                                .add(Long.parseLong(words[1]));
                        claims.incrementAndGet();
                    }
                    default -> {}
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    int completed() {
        return completed.get();
    }

    /** How many claims that got tasks it has reported so far. */
    int claims() {
        return claims.get();
    }

    /** The tasks whose complete got LeaseLost while the test was in {@code phase}. */
    List<String> leasesLost(String phase) {
        return List.copyOf(leasesLost.getOrDefault(phase, List.of()));
    }

    List<Long> claimMicros(String phase) {
        return new ArrayList<>(claimMicros.getOrDefault(phase, List.of()));
    }

    /** Asks it to stop after its current batch and waits for its exit status. */
    int stop() throws IOException, InterruptedException {
        OutputStream in = process.getOutputStream();
        in.write("stop\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    String log() {
        return JavaProcess.read(log);
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
