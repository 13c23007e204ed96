package io.stratum.internal.json;

import io.stratum.InvalidInput;
import io.stratum.internal.values.Text;

/**
 * Strict RFC 8259 well-formedness check without building a tree. Nesting is bounded so that a hostile
 * document cannot exhaust the stack, and what PostgreSQL's {@code jsonb} would refuse (NUL escapes, lone
 * surrogates, numbers beyond {@link JsonbNumbers}) is rejected here so both backends accept exactly the same
 * documents.
 */
public final class JsonSyntax {
    /** Longest document accepted, in characters. */
    public static final int MAX_LENGTH = 16 * 1024 * 1024;
    /** Deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 512;

    private final String s;
    private final String field;
    private int pos;

    private JsonSyntax(String s, String field) {
        this.s = s;
        this.field = field;
    }

    /** Throws {@link InvalidInput} naming {@code field} unless {@code text} is one well-formed JSON value. */
    public static void check(String text, String field) {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInput(field, "JSON document longer than " + MAX_LENGTH + " characters");
        }
        Text.checkEncodable(field, text);
        JsonSyntax p = new JsonSyntax(text, field);
        p.skipWhitespace();
        p.value(0);
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw p.error("unexpected content after the JSON value");
        }
    }

    private void value(int depth) {
        if (pos >= s.length()) {
            throw error("unexpected end of JSON");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                } else {
                    throw error("unexpected character '" + printable(c) + "'");
                }
            }
        }
    }

    private void object(int depth) {
        enter(depth);
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            value(depth);
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw error("expected ',' or '}' in object");
            }
        }
    }

    private void array(int depth) {
        enter(depth);
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            skipWhitespace();
            value(depth);
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw error("expected ',' or ']' in array");
            }
        }
    }

    private void enter(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private void string() {
        pos++;
        while (true) {
            char c = next();
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw error("unescaped control character in string");
            }
            if (c == '\\') {
                char e = next();
                switch (e) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {}
                    case 'u' -> unicodeEscape();
                    default -> throw error("invalid escape '\\" + printable(e) + "'");
                }
            }
        }
    }

    private void unicodeEscape() {
        int code = hex4();
        if (code == 0) {
            throw error("\\u0000 is not storable in PostgreSQL text");
        }
        if (Character.isHighSurrogate((char) code)) {
            if (pos + 6 <= s.length() && s.charAt(pos) == '\\' && s.charAt(pos + 1) == 'u') {
                pos += 2;
                if (Character.isLowSurrogate((char) hex4())) {
                    return;
                }
            }
            throw error("unpaired surrogate in \\u escape");
        }
        if (Character.isLowSurrogate((char) code)) {
            throw error("unpaired surrogate in \\u escape");
        }
    }

    private int hex4() {
        if (pos + 4 > s.length()) {
            throw error("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(pos++), 16);
            if (d < 0) {
                throw error("invalid hex digit in \\u escape");
            }
            v = v * 16 + d;
        }
        return v;
    }

    private void number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int intStart = pos;
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("invalid number");
        }
        int intEnd = pos;
        int fracStart = pos;
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("digit expected after decimal point");
            }
            fracStart = pos;
            digits();
        }
        int fracEnd = pos;
        long exponent = 0;
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            boolean negative = false;
            if (peek() == '+' || peek() == '-') {
                negative = next() == '-';
            }
            if (!isDigit(peek())) {
                throw error("digit expected in exponent");
            }
            while (isDigit(peek())) {
                // Saturates: any magnitude past the limit is refused alike.
                exponent = Math.min(exponent * 10 + (next() - '0'), Long.MAX_VALUE / 100);
            }
            exponent = negative ? -exponent : exponent;
        }
        String problem = JsonbNumbers.problem(s, intStart, intEnd, fracStart, fracEnd, exponent);
        if (problem != null) {
            throw new InvalidInput(
                    field,
                    "JSON number at offset " + start + " is outside the range PostgreSQL's jsonb stores: " + problem);
        }
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private void literal(String word) {
        if (!s.startsWith(word, pos)) {
            throw error("invalid literal");
        }
        pos += word.length();
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= s.length()) {
            throw error("unexpected end of JSON");
        }
        return s.charAt(pos++);
    }

    private void skipWhitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String printable(char c) {
        return c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private InvalidInput error(String problem) {
        return new InvalidInput(field, "malformed JSON at offset " + Math.min(pos, s.length()) + ": " + problem);
    }
}
