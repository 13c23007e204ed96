package io.stratum.cli;

import io.stratum.InvalidInput;
import io.stratum.JdbcUrls;
import io.stratum.Stratum;
import io.stratum.dashboard.Dashboard;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "dashboard",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = {
            "Serve a read-only web dashboard of the database until Ctrl-C: the queue's overview, tasks with their"
                    + " dependency graph and audit trail, sessions, agents and memory, and the same as JSON under"
                    + " /api/.",
            "Read-only by design: only GET and HEAD are answered, with no authentication, so it listens on"
                    + " 127.0.0.1 unless --bind says otherwise.",
            "With --json, the address is printed as one JSON line, {\"uri\": ..., \"url\": ...}, and nothing else"
                    + " on standard output."
        })
final class DashboardCommand implements Callable<Integer> {
    private static final Duration IDLE = Duration.ofHours(1);

    @Spec
    CommandSpec spec;

    private int port = 8080;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    InetAddress bind;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "Port to listen on, 1..65535, or 0 for a free one (default: ${DEFAULT-VALUE}).")
    void port(int value) {
        if (value < 0 || value > 65535) {
            throw new ParameterException(
                    spec.commandLine(), "Invalid value for option '--port': " + value + " is outside 0..65535");
        }
        port = value;
    }

    @Override
    public Integer call() {
        StratumCommand root = (StratumCommand) spec.root().userObject();
        PrintWriter out = spec.commandLine().getOut();
        // Closed last, after the server and the store: only then may Ctrl-C let the JVM exit.
        try (Interruption interruption = Interruption.onShutdown();
                Stratum db = root.openMigrated(DatabaseCommand.ONE_SHOT_POOL);
                Dashboard dashboard = start(db, root.url())) {
            if (root.json()) {
                // One line a script can read the address from (with --port 0, say) while the dashboard runs.
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("uri", dashboard.uri().toString());
                json.put("url", JdbcUrls.redact(root.url()));
                out.println(Jsons.compact(json));
            } else {
                out.println("Serving " + JdbcUrls.redact(root.url()) + " at " + dashboard.uri()
                        + " (read-only; Ctrl-C stops it)");
            }
            out.flush();
            if (!bind.isLoopbackAddress()) {
                spec.commandLine()
                        .getErr()
                        .println("stratum: note: listening on " + bind.getHostAddress()
                                + ", so other machines can read the dashboard; it has no authentication");
            }
            while (interruption.sleep(IDLE)) {
                // serving, on the server's threads
            }
            if (!root.json()) {
                out.println("Stopped the dashboard.");
                out.flush();
            }
            return 0;
        }
    }

    private Dashboard start(Stratum db, String url) {
        try {
            return Dashboard.start(db, new InetSocketAddress(bind, port), url);
        } catch (UncheckedIOException e) {
            throw new InvalidInput("--bind/--port", e.getMessage());
        }
    }
}
