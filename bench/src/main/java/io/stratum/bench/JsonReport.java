package io.stratum.bench;

import io.stratum.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The report as JSON: the machine, the command, every row with its per-round numbers, and the targets. */
final class JsonReport {
    private JsonReport() {}

    static void write(Path file, Machine machine, String command, Report report) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(machine, command, report));
    }

    static String render(Machine machine, String command, Report report) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"command\": ").append(Json.quote(command)).append(",\n");
        out.append("  \"machine\": ").append(object(machine.asMap())).append(",\n");
        out.append("  \"rows\": [\n");
        out.append(report.rows().stream().map(JsonReport::row).collect(Collectors.joining(",\n")));
        out.append("\n  ],\n  \"targets\": [\n");
        out.append(report.targets().stream().map(JsonReport::target).collect(Collectors.joining(",\n")));
        return out.append("\n  ]\n}\n").toString();
    }

    private static String row(Row row) {
        StringBuilder out = new StringBuilder("    {");
        out.append("\"workload\": ").append(Json.quote(row.workload()));
        out.append(", \"backend\": ").append(Json.quote(row.backend().label()));
        out.append(", \"system\": ").append(Json.quote(row.system()));
        if (row.measured()) {
            Measurement m = row.measurement();
            out.append(", \"opsPerSecond\": ").append(number(m.median()));
            out.append(", \"spread\": ").append(number(m.spread()));
            out.append(", \"roundsOpsPerSecond\": ").append(numbers(m.opsPerSecond()));
            out.append(", \"p50Micros\": ").append(number(m.latencyMicros(50)));
            out.append(", \"p99Micros\": ").append(number(m.latencyMicros(99)));
        } else {
            out.append(row.outcome().applies() ? ", \"failure\": " : ", \"notApplicable\": ")
                    .append(Json.quote(row.outcome().reason()));
        }
        if (row.ratio() != null) {
            out.append(", \"ratio\": ")
                    .append(number(row.ratio()))
                    .append(", \"versus\": ")
                    .append(Json.quote(row.versus()));
        }
        if (row.note() != null) {
            out.append(", \"note\": ").append(Json.quote(row.note()));
        }
        return out.append('}').toString();
    }

    private static String target(Target t) {
        return "    {\"target\": " + Json.quote(t.description()) + ", \"value\": " + number(t.value())
                + ", \"threshold\": " + number(t.threshold()) + ", \"unit\": "
                + Json.quote(t.unit().strip())
                + ", \"atMost\": " + t.atMost()
                + ", \"met\": " + t.met() + "}";
    }

    private static String object(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> Json.quote(e.getKey()) + ": " + Json.quote(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String numbers(List<Double> values) {
        return values.stream().map(JsonReport::number).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "null";
    }
}
