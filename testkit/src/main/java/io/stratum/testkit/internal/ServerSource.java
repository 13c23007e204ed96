package io.stratum.testkit.internal;

/** Where a test's database server comes from; chosen by {@link ServerSelection}. */
public sealed interface ServerSource {

    /** A server named by a JDBC URL; {@code origin} says which setting named it. */
    record Url(String url, String origin) implements ServerSource {}

    /** The JVM's container of {@code image}, running a server of {@code backend}. */
    record Container(String backend, String image) implements ServerSource {}

    /** None: the test is skipped, or fails when {@code required} ({@code requiredBy} names the setting, else null). */
    record Missing(String reason, Setting requiredBy) implements ServerSource {
        /** Whether a setting forbids skipping the test. */
        public boolean required() {
            return requiredBy != null;
        }
    }
}
