package io.stratum.bench;

import io.stratum.JdbcUrls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects once to the server of every chosen backend that needs one, before anything runs, so that a server
 * that is not there is one line, not a stack trace in the middle of a run.
 */
final class ServerCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCheck.class);

    private ServerCheck() {}

    /**
     * {@code options} without the backends whose server cannot be reached, each skipped with a warning, when the
     * backends are the default ones.
     *
     * @throws IllegalArgumentException when {@code --backends} named a backend whose server cannot be reached
     */
    static Options usable(Options options) {
        List<BackendKind> usable = new ArrayList<>();
        for (BackendKind kind : options.backends()) {
            String url = options.serverUrl(kind);
            String problem = url == null ? null : problem(url);
            if (problem == null) {
                usable.add(kind);
            } else if (options.backendsNamed()) {
                throw new IllegalArgumentException("cannot connect to the " + kind.label() + " server "
                        + JdbcUrls.redact(url) + ": " + problem + " (--" + kind.label() + "-url names another)");
            } else {
                LOG.warn("skipping {}: cannot connect to {}: {}", kind.label(), JdbcUrls.redact(url), problem);
            }
        }
        return options.withBackends(usable);
    }

    private static String problem(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            return null;
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            int newline = message.indexOf('\n');
            return newline < 0 ? message : message.substring(0, newline);
        }
    }
}
