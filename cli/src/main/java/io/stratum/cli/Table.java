package io.stratum.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Plain-text table with aligned columns: two spaces between columns, numbers right-aligned on request, no
 * trailing blanks. A table without headers prints as {@code key  value} lines.
 */
final class Table {
    private static final String GAP = "  ";
    /** What an absent value prints as. */
    static final String NONE = "-";

    private final List<String> headers;
    private final List<String[]> rows = new ArrayList<>();
    private final BitSet rightAligned = new BitSet();

    private Table(List<String> headers) {
        this.headers = headers;
    }

    /** A table with these column headings. */
    static Table withHeaders(String... headers) {
        return new Table(List.of(headers));
    }

    /** Two columns and no heading line: one {@code name  value} line per row. */
    static Table keyValue() {
        return new Table(List.of());
    }

    /** Right-aligns the given columns (zero-based). */
    Table alignRight(int... columns) {
        Arrays.stream(columns).forEach(rightAligned::set);
        return this;
    }

    /**
     * Adds a row; null cells print as {@value #NONE}, and control characters in a cell (from stored text, say) as
     * escapes such as {@code \e} and {@code \n} (see {@link Visible}), so that no cell acts on the terminal or
     * breaks the table's lines.
     */
    Table row(Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = cells[i] == null ? NONE : Visible.text(String.valueOf(cells[i]));
        }
        rows.add(text);
        return this;
    }

    /** A {@code name  value} row when there is a value; nothing when it is null. */
    Table rowIfSet(String name, Object value) {
        return value == null ? this : row(name, value);
    }

    void print(PrintWriter out) {
        int columns = Math.max(
                headers.size(), rows.stream().mapToInt(r -> r.length).max().orElse(0));
        int[] widths = new int[columns];
        if (!headers.isEmpty()) {
            measure(headers.toArray(String[]::new), widths);
        }
        rows.forEach(r -> measure(r, widths));
        if (!headers.isEmpty()) {
            printRow(out, headers.toArray(String[]::new), widths);
        }
        rows.forEach(r -> printRow(out, r, widths));
    }

    private static void measure(String[] cells, int[] widths) {
        for (int i = 0; i < cells.length; i++) {
            widths[i] = Math.max(widths[i], cells[i].length());
        }
    }

    private void printRow(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean last = i == cells.length - 1;
            String padding = " ".repeat(widths[i] - cells[i].length());
            if (rightAligned.get(i)) {
                line.append(padding).append(cells[i]);
            } else {
                line.append(cells[i]).append(last ? "" : padding);
            }
            if (!last) {
                line.append(GAP);
            }
        }
        out.println(line);
    }
}
