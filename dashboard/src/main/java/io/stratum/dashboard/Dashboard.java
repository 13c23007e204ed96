package io.stratum.dashboard;

import com.sun.net.httpserver.HttpServer;
import io.stratum.JdbcUrls;
import io.stratum.Stratum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only web dashboard over one Stratum database: an overview of the queue, tasks with their dependency graph
 * and audit trail, sessions with their events, agents and shared memory, as pages and as JSON under {@code /api/}.
 *
 * <p>Read-only by design: the server answers {@code GET} and {@code HEAD} only and refuses every other method with
 * 405. It shows no password (the database URL it shows is masked) and serves every asset from the jar, under a
 * Content-Security-Policy that allows no inline script.
 *
 * <pre>{@code
 * try (Dashboard dashboard = Dashboard.start(db, new InetSocketAddress("127.0.0.1", 8080), url)) {
 *     System.err.println("serving " + dashboard.uri());
 *     ...
 * }
 * }</pre>
 */
public final class Dashboard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private Dashboard(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving {@code db} on {@code address} (port 0 picks a free port).
     *
     * @param databaseUrl the URL shown on the pages, masked before it is shown; may be null
     * @throws UncheckedIOException if the address cannot be bound (in use, or not an address of this machine)
     */
    public static Dashboard start(Stratum db, InetSocketAddress address, String databaseUrl) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen on " + address.getHostString() + ":" + address.getPort() + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        String shownUrl = databaseUrl == null ? db.backendName() : JdbcUrls.redact(databaseUrl);
        server.createContext("/", Router.of(db, shownUrl));
        server.start();
        Dashboard dashboard = new Dashboard(server, executor);
        LOG.info("dashboard serving {} on {}", shownUrl, dashboard.uri());
        return dashboard;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Where a browser finds it, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress()
                ? "127.0.0.1"
                : address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + "/");
    }

    /** Stops accepting requests, lets running ones finish for up to a second, and stops. */
    @Override
    public void close() {
        server.stop(1);
        executor.close();
        LOG.info("dashboard stopped");
    }
}
