package io.stratum.cli;

import java.io.PrintWriter;

/**
 * Standard output of a command: tables and lines for people, or one JSON document with {@code --json}. Lines and
 * table cells never pass a control character to the terminal (see {@link Visible}); only {@link #text(String)}
 * does, for sequences a command emits itself.
 */
final class Output {
    private final PrintWriter out;
    private final boolean json;

    Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** Whether the user asked for JSON. */
    boolean json() {
        return json;
    }

    /** Prints {@code value} as JSON. */
    void json(Object value) {
        out.println(Jsons.pretty(value));
    }

    void table(Table table) {
        table.print(out);
    }

    /** Prints one line; control characters in it (stored text it quotes, say) print as escapes (see {@link Visible}). */
    void line(String text) {
        out.println(Visible.text(text));
    }

    void blank() {
        out.println();
    }

    /** Prints {@code text} as it is, without a line break (a terminal control sequence, say). */
    void text(String text) {
        out.print(text);
    }

    /** Sends what was printed on at once (a live view). */
    void flush() {
        out.flush();
    }
}
