package io.stratum.postgres.testdb;

import io.stratum.spi.TestDatabaseService.TestDatabase;

/** A database cloned from a migrated {@link PostgresTemplate}, dropped on close. */
final class PostgresClone implements TestDatabase {
    private final PostgresTemplate template;
    private final String name;

    private PostgresClone(PostgresTemplate template, String name) {
        this.template = template;
        this.name = name;
    }

    static PostgresClone create(PostgresTemplate template) {
        return new PostgresClone(template, template.createDatabase());
    }

    @Override
    public String url() {
        return template.url(name);
    }

    @Override
    public void close() {
        template.dropDatabase(name);
    }
}
