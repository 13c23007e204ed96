package io.stratum.testkit.internal;

import java.util.List;
import java.util.Locale;

/**
 * A testkit setting: read from the JUnit configuration parameter (which includes system properties) named
 * {@code property}, else from the environment variable {@code variable}. The settings of a test database
 * service are named after each of its setting names, e.g. {@code stratum.test.postgresql.url} and
 * {@code STRATUM_TEST_POSTGRESQL_URL}.
 */
public record Setting(String property, String variable) {

    /** The server URL settings, one per setting name: {@code stratum.test.<name>.url}, {@code STRATUM_TEST_<NAME>_URL}. */
    public static List<Setting> url(List<String> names) {
        return names.stream()
                .map(name -> new Setting("stratum.test." + name + ".url", variable(name, "URL")))
                .toList();
    }

    /**
     * The settings that make a missing server a failure instead of a skip: {@code stratum.test.require.<name>},
     * {@code STRATUM_TEST_REQUIRE_<NAME>}.
     */
    public static List<Setting> require(List<String> names) {
        return names.stream()
                .map(name -> new Setting("stratum.test.require." + name, "STRATUM_TEST_REQUIRE_" + upper(name)))
                .toList();
    }

    /** The container image settings: {@code stratum.test.<name>.image}, {@code STRATUM_TEST_<NAME>_IMAGE}. */
    public static List<Setting> image(List<String> names) {
        return names.stream()
                .map(name -> new Setting("stratum.test." + name + ".image", variable(name, "IMAGE")))
                .toList();
    }

    private static String variable(String name, String suffix) {
        return "STRATUM_TEST_" + upper(name) + "_" + suffix;
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }
}
