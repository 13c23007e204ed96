package io.stratum.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Docker engine's HTTP API, asked directly (plain HTTP over its Unix socket or an unencrypted TCP port) so that
 * the testkit can find out in milliseconds what Testcontainers would find out with retries. Only {@code GET} status
 * codes are read. The caller bounds the time a request may take.
 */
final class DockerApi {
    private final String endpoint;
    private final Path socket;
    private final InetSocketAddress tcp;

    private DockerApi(String endpoint, Path socket, InetSocketAddress tcp) {
        this.endpoint = endpoint;
        this.socket = socket;
        this.tcp = tcp;
    }

    /** Where the engine is expected: what Testcontainers looks at, in its order. */
    sealed interface Location {
        /** An endpoint this class can ask. */
        record Found(DockerApi api) implements Location {}

        /** An endpoint only Testcontainers can ask (TLS, SSH, ...). */
        record Opaque(String endpoint) implements Location {}

        /** No endpoint configured and no socket file: the places looked at, for the reason. */
        record Nowhere(List<String> lookedAt) implements Location {}
    }

    /**
     * The engine's endpoint: {@code DOCKER_HOST}, else the {@code docker.host} of {@code ~/.testcontainers.properties},
     * else the first socket file that exists among the default and rootless locations.
     */
    static Location locate(Function<String, String> environment, Optional<String> configuredHost) {
        String host = environment.apply("DOCKER_HOST");
        if (host == null || host.isBlank()) {
            host = configuredHost.orElse(null);
        }
        if (host != null && !host.isBlank()) {
            return fromHost(host.trim(), environment);
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/var/run/docker.sock"));
        String runtimeDir = environment.apply("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            candidates.add(Path.of(runtimeDir, "docker.sock"));
        }
        String home = System.getProperty("user.home");
        candidates.add(Path.of(home, ".docker", "run", "docker.sock"));
        candidates.add(Path.of(home, ".docker", "desktop", "docker.sock"));
        for (Path candidate : candidates) {
            if (Files.exists(candidate)) {
                return new Location.Found(new DockerApi("unix://" + candidate, candidate, null));
            }
        }
        return new Location.Nowhere(candidates.stream().map(Path::toString).toList());
    }

    private static Location fromHost(String host, Function<String, String> environment) {
        URI uri = URI.create(host);
        String tls = environment.apply("DOCKER_TLS_VERIFY");
        boolean encrypted = tls != null && !tls.isBlank() && !tls.equals("0");
        if ("unix".equals(uri.getScheme())) {
            Path path = Path.of(uri.getPath());
            return new Location.Found(new DockerApi(host, path, null));
        }
        if ("tcp".equals(uri.getScheme()) && !encrypted && uri.getHost() != null) {
            int port = uri.getPort() < 0 ? 2375 : uri.getPort();
            return new Location.Found(
                    new DockerApi(host, null, InetSocketAddress.createUnresolved(uri.getHost(), port)));
        }
        return new Location.Opaque(host);
    }

    /** The endpoint, as {@code DOCKER_HOST} would name it. */
    String endpoint() {
        return endpoint;
    }

    /** The HTTP status of {@code GET path}, e.g. 200 for {@code /_ping} on an engine that answers. */
    int status(String path) throws IOException {
        byte[] request = ("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        if (socket != null) {
            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                channel.write(ByteBuffer.wrap(request));
                return statusOf(Channels.newInputStream(channel));
            }
        }
        try (Socket connection = new Socket()) {
            connection.connect(new InetSocketAddress(tcp.getHostString(), tcp.getPort()), 1_000);
            connection.setSoTimeout(1_000);
            OutputStream out = connection.getOutputStream();
            out.write(request);
            out.flush();
            return statusOf(connection.getInputStream());
        }
    }

    private static int statusOf(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        String[] parts = line.toString(StandardCharsets.US_ASCII).trim().split(" ");
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer: '"
                    + line.toString(StandardCharsets.US_ASCII).trim() + "'");
        }
        return Integer.parseInt(parts[1]);
    }
}
