package io.stratum.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases of their own on the server of {@code STRATUM_TEST_POSTGRES_URL} (or the system property
 * {@code stratum.test.postgres.url}), created per test and dropped with {@code WITH (FORCE)} on close. Without a
 * URL the tests are skipped, unless {@code STRATUM_TEST_REQUIRE_POSTGRES=true} (CI) makes that a failure.
 */
final class PostgresServer implements TestDatabases {
    private final String adminUrl = configuredUrl();
    private final List<String> created = new ArrayList<>();

    static String configuredUrl() {
        String url = System.getProperty("stratum.test.postgres.url");
        if (url == null || url.isBlank() || url.startsWith("${")) {
            url = System.getenv("STRATUM_TEST_POSTGRES_URL");
        }
        if (url == null || url.isBlank()) {
            String reason = "PostgreSQL tests need STRATUM_TEST_POSTGRES_URL, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
            if (Boolean.parseBoolean(System.getenv("STRATUM_TEST_REQUIRE_POSTGRES"))) {
                fail(reason + " (STRATUM_TEST_REQUIRE_POSTGRES=true forbids skipping)");
            }
            Assumptions.abort(reason);
        }
        return url;
    }

    @Override
    public String freshUrl() {
        String name = "stratum_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name);
        created.add(name);
        return withDatabase(adminUrl, name);
    }

    /** {@code url} pointing at database {@code name}, its parameters kept. */
    static String withDatabase(String url, String name) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + name + params;
    }

    @Override
    public void close() {
        created.forEach(name -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
        created.clear();
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test server: " + e.getMessage(), e);
        }
    }
}
