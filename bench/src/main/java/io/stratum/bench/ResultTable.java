package io.stratum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report as an aligned text table, one row per workload, backend and system. */
final class ResultTable {
    private static final String[] HEADER = {
        "workload", "backend", "system", "ops/s", "spread", "p50", "p99", "ratio", "vs", "note"
    };

    private ResultTable() {}

    static String render(List<Row> rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Row row : rows) {
            lines.add(cells(row));
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < lines.size(); n++) {
            String[] line = lines.get(n);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                boolean numeric = i >= 3 && i <= 7;
                String format = "%" + (numeric ? "" : "-") + widths[i] + "s";
                text.append(String.format(format, line[i])).append(i < line.length - 1 ? "  " : "");
            }
            out.append(text.toString().stripTrailing()).append('\n');
            if (n == 0) {
                out.append("-".repeat(text.toString().stripTrailing().length())).append('\n');
            }
        }
        return out.toString();
    }

    private static String[] cells(Row row) {
        String ratio = row.ratio() == null ? "" : String.format(Locale.ROOT, "%.2fx", row.ratio());
        String versus = row.versus() == null ? "" : row.versus();
        String note = row.note() == null ? "" : row.note();
        if (!row.measured()) {
            return new String[] {
                row.workload(),
                row.backend().label(),
                row.system(),
                "-",
                "",
                "",
                "",
                "",
                "",
                row.outcome().reason()
            };
        }
        Measurement m = row.measurement();
        return new String[] {
            row.workload(),
            row.backend().label(),
            row.system(),
            String.format(Locale.ROOT, "%,.0f", m.median()),
            String.format(Locale.ROOT, "±%.0f%%", m.spread() * 100),
            micros(m.latencyMicros(50)),
            micros(m.latencyMicros(99)),
            ratio,
            versus,
            note
        };
    }

    static String micros(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (value >= 1_000) {
            return String.format(Locale.ROOT, "%.1f ms", value / 1_000);
        }
        return String.format(Locale.ROOT, "%.0f us", value);
    }
}
