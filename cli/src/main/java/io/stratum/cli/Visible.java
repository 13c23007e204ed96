package io.stratum.cli;

/**
 * Text from the database (or from whoever submitted it) made safe to print on a terminal: every control character
 * shows as an escape instead of acting. A summary could otherwise clear the screen, recolour it, retitle the window
 * (ESC, OSC sequences), or break a table's lines (CR, LF); the 8-bit C1 controls (such as CSI, U+009B) act on some
 * terminals too. Printable text, including non-ASCII letters and backslashes, is left as it is.
 */
final class Visible {
    private Visible() {}

    /**
     * {@code text} with ESC as {@code \e}, LF, CR and TAB as {@code \n}, {@code \r} and {@code \t}, the other C0
     * controls and DEL as {@code \xNN}, and the C1 controls (U+0080..U+009F) as {@code \u0085}-style escapes.
     */
    static String text(String text) {
        if (text == null || text.chars().noneMatch(Visible::control)) {
            return text;
        }
        StringBuilder visible = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!control(c)) {
                visible.append(c);
                continue;
            }
            switch (c) {
                case '\033' -> visible.append("\\e");
                case '\n' -> visible.append("\\n");
                case '\r' -> visible.append("\\r");
                case '\t' -> visible.append("\\t");
                default ->
                    visible.append(c < 0x80 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            }
        }
        return visible.toString();
    }

    /** C0 (U+0000..U+001F), DEL (U+007F) and C1 (U+0080..U+009F). */
    static boolean control(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }
}
