package io.stratum.migrations;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A new database on the server the environment names ({@code STRATUM_TEST_<SERVER>_URL}), dropped on close. Without
 * that variable the test is skipped, or fails when {@code STRATUM_TEST_REQUIRE_<SERVER>} is true, as CI sets it.
 */
final class ServerDatabase implements AutoCloseable {
    enum Server {
        POSTGRES("", " WITH (FORCE)"),
        // Connector/J lists the tables of every database for a null catalog unless told otherwise.
        MARIADB("nullDatabaseMeansCurrent=true", "");

        private final String extraParameters;
        private final String dropOptions;

        Server(String extraParameters, String dropOptions) {
            this.extraParameters = extraParameters;
            this.dropOptions = dropOptions;
        }
    }

    private final Server server;
    private final String admin;
    private final String name;
    private final String url;

    private ServerDatabase(Server server, String admin, String name) {
        this.server = server;
        this.admin = admin;
        this.name = name;
        int q = admin.indexOf('?');
        String base = q < 0 ? admin : admin.substring(0, q);
        String parameters = q < 0 ? "" : admin.substring(q + 1);
        if (!server.extraParameters.isEmpty()) {
            parameters = parameters.isEmpty() ? server.extraParameters : parameters + "&" + server.extraParameters;
        }
        this.url = base.substring(0, base.lastIndexOf('/') + 1) + name + (parameters.isEmpty() ? "" : "?" + parameters);
    }

    /** Creates a database named {@code prefix} and a random suffix on the server. */
    static ServerDatabase create(Server server, String prefix) throws SQLException {
        String variable = "STRATUM_TEST_" + server.name() + "_URL";
        String admin = System.getenv(variable);
        if (admin == null || admin.isBlank()) {
            if (Boolean.parseBoolean(System.getenv("STRATUM_TEST_REQUIRE_" + server.name()))) {
                fail(variable + " is required");
            }
            Assumptions.abort(variable + " is not set");
        }
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(admin, "CREATE DATABASE " + name);
        return new ServerDatabase(server, admin, name);
    }

    /** The JDBC URL of the new database, with the server URL's parameters. */
    String url() {
        return url;
    }

    @Override
    public void close() throws SQLException {
        execute(admin, "DROP DATABASE IF EXISTS " + name + server.dropOptions);
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
