package io.stratum.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PgBouncer of this JVM in transaction pooling mode, in front of one PostgreSQL server, on a free local port,
 * with its configuration and auth file ({@link PgBouncerConfig}) generated under {@code target/pgbouncer/}. It runs as {@code postgres} when this JVM
 * runs as root (PgBouncer refuses root) and is stopped when the JVM exits. Needs Debian's {@code pgbouncer}
 * package ({@code scripts/pgbouncer} installs it) and a server that trusts local connections.
 *
 * <p>Before PgBouncer 1.21 a pooled server connection does not know the prepared statements of the clients it
 * served before, so pgjdbc must not prepare them on the server: {@link #url} adds {@code prepareThreshold=0}. From
 * 1.21 on, {@code max_prepared_statements} lets PgBouncer track them and the driver's defaults stay.
 */
final class PgBouncer {
    private static final Logger LOG = LoggerFactory.getLogger(PgBouncer.class);
    private static final Path BINARY = Path.of("/usr/sbin/pgbouncer");
    private static final Pattern SERVER_URL =
            Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]*)(?:\\?(.*))?");
    private static final Pattern VERSION = Pattern.compile("PgBouncer (\\d+)\\.(\\d+)");
    private static PgBouncer shared;

    private final Process process;
    private final int port;
    private final boolean tracksPreparedStatements;
    private final String version;
    private final Map<String, String> directUrls = new ConcurrentHashMap<>();

    private PgBouncer(Process process, int port, String version, boolean tracksPreparedStatements) {
        this.process = process;
        this.port = port;
        this.version = version;
        this.tracksPreparedStatements = tracksPreparedStatements;
    }

    /** Whether the pgbouncer binary is installed. */
    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** The PgBouncer of this JVM in front of the server {@code serverUrl} names, started on first use. */
    static synchronized PgBouncer inFrontOf(String serverUrl) {
        if (shared == null) {
            shared = start(serverUrl);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "pgbouncer-stop"));
        }
        return shared;
    }

    /** The PgBouncer {@link #inFrontOf} started. */
    static synchronized PgBouncer running() {
        if (shared == null) {
            throw new IllegalStateException("no PgBouncer was started in this JVM");
        }
        return shared;
    }

    /** The URL of {@code directUrl}'s database through this PgBouncer, with the driver settings it needs. */
    String url(String directUrl) {
        Matcher m = parse(directUrl);
        List<String> parameters = new ArrayList<>();
        if (m.group(4) != null && !m.group(4).isEmpty()) {
            parameters.add(m.group(4));
        }
        if (!tracksPreparedStatements) {
            parameters.add("prepareThreshold=0");
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + m.group(3)
                + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
        directUrls.put(url, directUrl);
        return url;
    }

    /** The direct URL that {@link #url} turned into {@code bouncerUrl}. */
    String directUrl(String bouncerUrl) {
        String direct = directUrls.get(bouncerUrl);
        if (direct == null) {
            throw new IllegalArgumentException(bouncerUrl + " was not made by this PgBouncer");
        }
        return direct;
    }

    /** The version line, e.g. {@code PgBouncer 1.18.0}, and the driver setting it needs. */
    String describe() {
        return version + (tracksPreparedStatements ? " (max_prepared_statements=200)" : " (prepareThreshold=0)");
    }

    private static PgBouncer start(String serverUrl) {
        if (!installed()) {
            throw new IllegalStateException(BINARY + " is not installed: run scripts/pgbouncer (Debian's pgbouncer)");
        }
        Matcher server = parse(serverUrl);
        String user = userOf(server.group(4));
        String version = version();
        Matcher v = VERSION.matcher(version);
        boolean tracks = v.find()
                && (Integer.parseInt(v.group(1)) > 1
                        || (Integer.parseInt(v.group(1)) == 1 && Integer.parseInt(v.group(2)) >= 21));
        try {
            Path dir = Files.createDirectories(Path.of("target", "pgbouncer")).toAbsolutePath();
            stopStale(dir);
            int port = freePort();
            Path ini = PgBouncerConfig.write(
                    dir, server.group(1), server.group(2) == null ? "5432" : server.group(2), user, port, tracks);
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                // PgBouncer refuses to run as root; setpriv runs it as postgres in this same process.
                command.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"));
            }
            command.addAll(List.of(BINARY.toString(), ini.toString()));
            Path log = dir.resolve("pgbouncer-" + ProcessHandle.current().pid() + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            PgBouncer bouncer = new PgBouncer(process, port, version, tracks);
            bouncer.awaitListening(log);
            LOG.info(
                    "{} in transaction mode on 127.0.0.1:{} in front of {}", bouncer.describe(), port, server.group(1));
            return bouncer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops the PgBouncers that JVMs which no longer run started from {@code dir} (a JVM killed before its shutdown
     * hook ran leaves its PgBouncer behind), found by their configuration file {@code pgbouncer-<pid>.ini}.
     */
    private static void stopStale(Path dir) {
        Pattern config = Pattern.compile(Pattern.quote(dir.toString()) + "/pgbouncer-(\\d+)\\.ini");
        ProcessHandle.allProcesses().forEach(process -> {
            Matcher m = config.matcher(process.info().commandLine().orElse(""));
            if (m.find() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                LOG.info("stopping PgBouncer {} left by an earlier run", process.pid());
                process.destroy();
            }
        });
    }

    private void awaitListening(Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "pgbouncer exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        stop();
        throw new IllegalStateException("pgbouncer did not listen on port " + port + ": " + Files.readString(log));
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String version() {
        try {
            Process p = new ProcessBuilder(BINARY.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Matcher parse(String url) {
        Matcher m = SERVER_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/database URL: " + url);
        }
        return m;
    }

    private static String userOf(String query) {
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("user=")) {
                    return parameter.substring("user=".length());
                }
            }
        }
        return System.getProperty("user.name");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
