package io.stratum;

import io.stratum.internal.JsonSyntax;

/**
 * A JSON document as text. Construction checks that the text is well-formed JSON (RFC 8259), so a
 * malformed document is refused with {@link InvalidInput} before it reaches the database.
 *
 * <p>PostgreSQL stores JSON as {@code jsonb}, which normalises whitespace and key order; SQLite keeps the
 * text as given. Compare documents read back from PostgreSQL semantically, or write them in jsonb's
 * canonical form ({@code {"a": 1, "b": [1, 2]}}) if byte-for-byte equality matters.
 */
public record Json(String text) {

    /** Largest document accepted, in characters. */
    public static final int MAX_LENGTH = 16 * 1024 * 1024;

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

    @Override
    public String toString() {
        return text;
    }
}
