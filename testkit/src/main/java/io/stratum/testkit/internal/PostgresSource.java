package io.stratum.testkit.internal;

/** Where a test's PostgreSQL server comes from; chosen by {@link PostgresSourceSelection}. */
public sealed interface PostgresSource {

    /** A server named by a JDBC URL; {@code origin} says which setting named it. */
    record Url(String url, String origin) implements PostgresSource {
    }

    /** The JVM's Testcontainers PostgreSQL container. */
    record Container() implements PostgresSource {
    }

    /** None: the test is skipped, or fails when {@code required}. */
    record Missing(String reason, boolean required) implements PostgresSource {
    }
}
