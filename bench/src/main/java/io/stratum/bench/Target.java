package io.stratum.bench;

import java.util.Locale;

/**
 * A goal for a ratio or a bound of this run, checked against it: {@code value >= threshold}, or {@code <=} when
 * {@code atMost}. Targets are reported, never enforced.
 */
record Target(String description, double value, double threshold, boolean atMost, String unit) {

    static Target atLeast(String description, double ratio, double threshold) {
        return new Target(description, ratio, threshold, false, "x");
    }

    static Target atMost(String description, double value, double threshold, String unit) {
        return new Target(description, value, threshold, true, unit);
    }

    boolean met() {
        return atMost ? value <= threshold : value >= threshold;
    }

    String line() {
        return String.format(
                Locale.ROOT,
                "  %-8s %s: %.2f%s (target %s %.2f%s)",
                met() ? "[met]" : "[MISSED]",
                description,
                value,
                unit,
                atMost ? "<=" : ">=",
                threshold,
                unit);
    }
}
