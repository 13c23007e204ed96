package io.stratum.mariadb.testdb;

import io.stratum.spi.ServerTemplates;
import io.stratum.spi.TestDatabaseService;

/**
 * {@code mariadb}: databases on a server the user names ({@code STRATUM_TEST_MARIADB_URL}, e.g.
 * {@code jdbc:mariadb://127.0.0.1:3306/test?user=root&sslMode=disable}), created with {@code CREATE DATABASE} and
 * dropped on close; migrated ones are copied from a template database per server. The user needs the CREATE and
 * DROP privileges on databases named {@code stratum_test_*} and {@code stratum_template_*}. With no server named,
 * the testkit can start one in a container of {@link #containerImage()} ({@code STRATUM_TEST_MARIADB_IMAGE} picks
 * another).
 */
public final class MariaDbTestDatabases implements TestDatabaseService {
    /** The migrated template of each server, shared by every test of this JVM. */
    static final ServerTemplates<MariaDbTemplate> TEMPLATES = new ServerTemplates<>(MariaDbTemplate::create);

    private static final String PREFIX = "jdbc:mariadb:";

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public String backend() {
        return "mariadb";
    }

    @Override
    public boolean needsServer() {
        return true;
    }

    @Override
    public boolean acceptsServer(String serverUrl) {
        return serverUrl.startsWith(PREFIX);
    }

    @Override
    public String containerImage() {
        return "mariadb:11";
    }

    @Override
    public TestDatabase create(String serverUrl) {
        return MariaDbDatabase.createEmpty(serverUrl);
    }

    @Override
    public TestDatabase fromTemplate(String serverUrl) {
        return TEMPLATES.forServer(serverUrl).copy();
    }
}
