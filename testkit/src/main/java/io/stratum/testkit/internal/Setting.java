package io.stratum.testkit.internal;

import io.stratum.testkit.StratumTest;

/**
 * A testkit setting: read from the JUnit configuration parameter (which includes system properties) named
 * {@code property}, else from the environment variable {@code variable}.
 */
public record Setting(String property, String variable) {
    public static final Setting POSTGRES_URL =
            new Setting(StratumTest.POSTGRES_URL_PROPERTY, StratumTest.POSTGRES_URL_VARIABLE);
    public static final Setting REQUIRE_POSTGRES =
            new Setting(StratumTest.REQUIRE_POSTGRES_PROPERTY, StratumTest.REQUIRE_POSTGRES_VARIABLE);
    public static final Setting POSTGRES_IMAGE =
            new Setting(StratumTest.POSTGRES_IMAGE_PROPERTY, StratumTest.POSTGRES_IMAGE_VARIABLE);
}
