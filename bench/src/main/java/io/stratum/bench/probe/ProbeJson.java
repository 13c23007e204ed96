package io.stratum.bench.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One-line JSON objects for the probes' output: numbers, booleans and strings only. */
final class ProbeJson {
    private ProbeJson() {}

    static String object(Map<String, ?> values) {
        List<String> fields = new ArrayList<>();
        values.forEach((k, v) -> fields.add("\"" + k + "\": " + value(v)));
        return "{" + String.join(", ", fields) + "}";
    }

    private static String value(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.3f", d);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
