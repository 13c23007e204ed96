package io.stratum.reliability;

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
 * The PostgreSQL server named by {@code STRATUM_TEST_POSTGRES_URL} (or {@code stratum.test.postgres.url}): each
 * {@link #freshUrl()} creates a database of its own, dropped with {@code WITH (FORCE)} on close. Without a URL the
 * tests are skipped, unless {@code STRATUM_TEST_REQUIRE_POSTGRES=true} (CI) makes that a failure.
 */
final class PostgresServer implements AutoCloseable {
    private final String adminUrl;
    private final List<String> created = new ArrayList<>();

    PostgresServer() {
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
        this.adminUrl = url;
    }

    /** A new, empty database's URL. */
    String freshUrl() {
        String name = "stratum_rel_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name);
        created.add(name);
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String params = query < 0 ? "" : adminUrl.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + name + params;
    }

    @Override
    public void close() {
        for (String name : created) {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
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
