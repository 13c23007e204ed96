package io.stratum.testkit.internal;

import io.stratum.spi.TestDatabaseService;
import io.stratum.spi.TestDatabaseService.TestDatabase;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;

/** Finds the test database service a test names, and the server it needs. */
public final class TestDatabases {
    private TestDatabases() {}

    /** A migrated database for the test, from the service named by {@code setup}. */
    static TestDatabase create(TestSetup setup, Settings settings, Containers containers) {
        TestDatabaseService service = service(setup.backend());
        return service.fromTemplate(server(service, setup.serverUrl(), settings, containers));
    }

    /**
     * The installed service called {@code name}.
     *
     * @throws ExtensionConfigurationException naming the installed services when there is none of that name
     */
    public static TestDatabaseService service(String name) {
        try {
            return TestDatabaseService.named(name);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("unknown test database '" + name + "': " + e.getMessage());
        }
    }

    /**
     * The server {@code service} creates databases on, or null when it needs none.
     *
     * @param annotationUrl a URL the test gave explicitly, or empty
     * @throws TestAbortedException when there is none (the test is skipped)
     * @throws ExtensionConfigurationException instead, when the settings require one
     */
    public static String server(
            TestDatabaseService service, String annotationUrl, Settings settings, Containers containers) {
        if (!service.needsServer()) {
            return null;
        }
        return switch (ServerSelection.select(service, annotationUrl, settings, containers)) {
            case ServerSource.Url url -> url.url();
            case ServerSource.Container container -> containers.serverUrl(container.backend(), container.image());
            case ServerSource.Missing missing
            when missing.required() ->
                throw new ExtensionConfigurationException(
                        missing.reason() + " (" + missing.requiredBy().variable()
                                + "=true: a missing server fails the test instead of skipping it)");
            case ServerSource.Missing missing -> throw new TestAbortedException(missing.reason());
        };
    }
}
