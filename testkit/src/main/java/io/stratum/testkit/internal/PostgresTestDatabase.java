package io.stratum.testkit.internal;

/** A database cloned from a migrated {@link PostgresTemplate}, dropped on close. */
final class PostgresTestDatabase implements TestDatabase {
    private final PostgresTemplate template;
    private final String name;

    private PostgresTestDatabase(PostgresTemplate template, String name) {
        this.template = template;
        this.name = name;
    }

    static PostgresTestDatabase create(PostgresTemplate template) {
        return new PostgresTestDatabase(template, template.createDatabase());
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
