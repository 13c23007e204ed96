package io.stratum.postgres.testdb;

import io.stratum.spi.ServerTemplates;
import io.stratum.spi.TestDatabaseService;
import java.util.List;

/**
 * {@code postgresql}: databases on a server the user names, created with {@code CREATE DATABASE} and dropped
 * {@code WITH (FORCE)}; migrated ones are cloned from a template database per server. The user needs the
 * CREATEDB privilege. Settings are also read under the older name {@code postgres}
 * ({@code STRATUM_TEST_POSTGRES_URL}).
 */
public final class PostgresTestDatabases implements TestDatabaseService {
    /** The migrated template of each server, shared by every test of this JVM. */
    static final ServerTemplates<PostgresTemplate> TEMPLATES = new ServerTemplates<>(PostgresTemplate::create);

    private static final String PREFIX = "jdbc:postgresql:";

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String backend() {
        return "postgresql";
    }

    @Override
    public boolean needsServer() {
        return true;
    }

    @Override
    public List<String> settingNames() {
        return List.of("postgresql", "postgres");
    }

    @Override
    public boolean acceptsServer(String serverUrl) {
        return serverUrl.startsWith(PREFIX);
    }

    @Override
    public String containerImage() {
        return "postgres:16-alpine";
    }

    @Override
    public TestDatabase create(String serverUrl) {
        return PostgresEmptyDatabase.create(serverUrl);
    }

    @Override
    public TestDatabase fromTemplate(String serverUrl) {
        return PostgresClone.create(TEMPLATES.forServer(serverUrl));
    }
}
