package io.stratum.testkit.internal;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;

/** Creates the database a {@link TestSetup} asks for. */
final class TestDatabases {
    private static final String DEFAULT_IMAGE = "postgres:16-alpine";

    private TestDatabases() {
    }

    /**
     * @throws TestAbortedException when PostgreSQL was asked for and there is none (the test is skipped)
     * @throws ExtensionConfigurationException instead, when the settings require PostgreSQL
     */
    static TestDatabase create(TestSetup setup, Settings settings, Containers containers) {
        return switch (setup.backend()) {
            case SQLITE_MEMORY -> SqliteTestDatabase.memory();
            case SQLITE_FILE -> SqliteTestDatabase.file();
            case POSTGRES -> PostgresTestDatabase.create(PostgresTemplates.forServer(server(setup, settings, containers)));
        };
    }

    private static String server(TestSetup setup, Settings settings, Containers containers) {
        return switch (PostgresSourceSelection.select(setup.postgresUrl(), settings, containers)) {
            case PostgresSource.Url url -> url.url();
            case PostgresSource.Container container -> {
                String image = settings.get(Setting.POSTGRES_IMAGE);
                yield containers.postgresUrl(image == null ? DEFAULT_IMAGE : image);
            }
            case PostgresSource.Missing missing when missing.required() -> throw new ExtensionConfigurationException(
                    missing.reason() + " (" + Setting.REQUIRE_POSTGRES.variable()
                            + "=true: a missing PostgreSQL fails the test instead of skipping it)");
            case PostgresSource.Missing missing -> throw new TestAbortedException(missing.reason());
        };
    }
}
