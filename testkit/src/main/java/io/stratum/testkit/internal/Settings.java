package io.stratum.testkit.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where {@link Setting}s are read from. Blank values count as unset, and so do unresolved Maven placeholders
 * such as {@code ${env.STRATUM_TEST_POSTGRESQL_URL}}, which a build passes on when the variable is missing.
 */
public final class Settings {
    private final Function<String, Optional<String>> parameters;
    private final Function<String, String> environment;

    /**
     * @param parameters JUnit configuration parameters by name
     * @param environment environment variables by name (null when unset)
     */
    public Settings(Function<String, Optional<String>> parameters, Function<String, String> environment) {
        this.parameters = parameters;
        this.environment = environment;
    }

    /** The setting's value, or null when it is unset. */
    public String get(Setting setting) {
        String value =
                parameters.apply(setting.property()).filter(Settings::isSet).orElse(null);
        if (value == null) {
            value = environment.apply(setting.variable());
        }
        return isSet(value) ? value.trim() : null;
    }

    /** Whether the setting is {@code true} (case-insensitive). */
    public boolean isTrue(Setting setting) {
        return Boolean.parseBoolean(get(setting));
    }

    /** The first of {@code settings} that is set, with its value. */
    public Optional<Value> first(List<Setting> settings) {
        for (Setting setting : settings) {
            String value = get(setting);
            if (value != null) {
                return Optional.of(new Value(setting, value));
            }
        }
        return Optional.empty();
    }

    /** The first of {@code settings} that is {@code true}. */
    public Optional<Setting> firstTrue(List<Setting> settings) {
        return settings.stream().filter(this::isTrue).findFirst();
    }

    /** A setting that is set, and its value. */
    public record Value(Setting setting, String value) {}

    private static boolean isSet(String value) {
        return value != null && !value.isBlank() && !value.startsWith("${");
    }
}
