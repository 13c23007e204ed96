package io.stratum.postgres.testdb;

import io.stratum.JdbcUrls;
import io.stratum.spi.TestDatabaseService.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A new, empty database on a server, dropped {@code WITH (FORCE)} on close. */
final class PostgresEmptyDatabase implements TestDatabase {
    private final String serverUrl;
    private final String name;

    private PostgresEmptyDatabase(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    /** Creates a database on the server {@code serverUrl} connects to. */
    static PostgresEmptyDatabase create(String serverUrl) {
        String name = PostgresTemplate.newName("stratum_test_");
        execute(serverUrl, "CREATE DATABASE " + name);
        return new PostgresEmptyDatabase(serverUrl, name);
    }

    @Override
    public String url() {
        return JdbcUrls.withDatabase(serverUrl, name);
    }

    @Override
    public void close() {
        execute(serverUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String serverUrl, String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test server: " + e.getMessage(), e);
        }
    }
}
