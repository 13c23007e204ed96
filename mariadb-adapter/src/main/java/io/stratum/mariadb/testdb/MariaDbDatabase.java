package io.stratum.mariadb.testdb;

import io.stratum.JdbcUrls;
import io.stratum.spi.TestDatabaseService.TestDatabase;

/** A database on a test server, dropped on close. */
final class MariaDbDatabase implements TestDatabase {
    private final String serverUrl;
    private final String name;

    MariaDbDatabase(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    /** Creates a new, empty database on the server {@code serverUrl} connects to. */
    static MariaDbDatabase createEmpty(String serverUrl) {
        String name = MariaDbServer.newName("stratum_test_");
        MariaDbServer.execute(serverUrl, "CREATE DATABASE `" + name + "`");
        return new MariaDbDatabase(serverUrl, name);
    }

    @Override
    public String url() {
        return JdbcUrls.withDatabase(serverUrl, name);
    }

    @Override
    public void close() {
        MariaDbServer.drop(serverUrl, name);
    }
}
