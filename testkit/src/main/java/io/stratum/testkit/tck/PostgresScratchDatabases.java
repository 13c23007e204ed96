package io.stratum.testkit.tck;

import io.stratum.testkit.internal.Setting;
import io.stratum.testkit.internal.Settings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh, empty databases on the PostgreSQL server named by {@code STRATUM_TEST_POSTGRES_URL} (or the system property
 * {@code stratum.test.postgres.url}): each {@link #freshUrl()} creates a database of its own, and {@link #close()}
 * drops them all {@code WITH (FORCE)}. Without a server the calling test is skipped, or fails when
 * {@code STRATUM_TEST_REQUIRE_POSTGRES=true} (as in CI).
 */
public final class PostgresScratchDatabases implements TestDatabase {
    private static final Settings SETTINGS = new Settings(name -> Optional.ofNullable(System.getProperty(name)),
            System::getenv);

    private final String serverUrl = serverUrl();
    private final List<String> created = new ArrayList<>();

    /**
     * The configured server's JDBC URL; skips the calling test when there is none, or fails it when PostgreSQL is
     * required.
     */
    public static String serverUrl() {
        String url = SETTINGS.get(Setting.POSTGRES_URL);
        if (url == null) {
            String reason = "PostgreSQL tests need STRATUM_TEST_POSTGRES_URL, "
                    + "e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
            if (SETTINGS.isTrue(Setting.REQUIRE_POSTGRES)) {
                Assertions.fail(reason + " (STRATUM_TEST_REQUIRE_POSTGRES=true forbids skipping)");
            }
            Assumptions.abort(reason);
        }
        return url;
    }

    /** {@code url} pointing at database {@code name} on the same server, its parameters kept. */
    public static String withDatabase(String url, String name) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + name + params;
    }

    @Override
    public String freshUrl() {
        String name = "stratum_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name);
        created.add(name);
        return withDatabase(serverUrl, name);
    }

    @Override
    public void close() {
        for (String name : created) {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
        created.clear();
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test server: " + e.getMessage(), e);
        }
    }
}
