package io.stratum;

import io.stratum.internal.json.JsonSyntax;

/**
 * A JSON document as text. Construction checks that the text is well-formed JSON (RFC 8259) that every backend
 * stores alike, so anything else is refused with {@link InvalidInput} before it reaches the database: NUL
 * (U+0000) and unpaired surrogates, escaped or not, and numbers outside the range of PostgreSQL's
 * {@code jsonb} (at most 131072 digits before the decimal point and 16383 after it, once the exponent is applied).
 *
 * <p>PostgreSQL stores JSON as {@code jsonb}, which normalises whitespace and key order; SQLite keeps the
 * text as given. Compare documents read back from PostgreSQL semantically, or write them in jsonb's
 * canonical form ({@code {"a": 1, "b": [1, 2]}}) if byte-for-byte equality matters.
 */
public record Json(String text) {

    /** Largest document accepted, in characters. */
    public static final int MAX_LENGTH = JsonSyntax.MAX_LENGTH;

    public Json {
        if (text == null) {
            throw new InvalidInput("json", "must not be null");
        }
        JsonSyntax.check(text, "json");
    }

    /** Parses-checks {@code text} and wraps it. */
    public static Json of(String text) {
        return new Json(text);
    }

    /**
     * The JSON string literal for {@code value}: quoted, with {@code "}, backslash and control characters escaped
     * as RFC 8259 and PostgreSQL's {@code jsonb} write them, so that the literal reads back byte for byte. NUL
     * (U+0000) is escaped too, but {@link #of} refuses the result: PostgreSQL cannot store it.
     */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
