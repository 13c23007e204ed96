package io.stratum.internal;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the small JSON objects of audit rows without a JSON library. Members are written the way PostgreSQL's
 * {@code jsonb} prints them (shorter names first, then by name; {@code ", "} and {@code ": "} as separators), so
 * the text reads back the same from every backend.
 */
public final class JsonObject {
    private static final Comparator<String> JSONB_ORDER =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private final Map<String, String> members = new TreeMap<>(JSONB_ORDER);

    /** Adds a string member; a null value is written as JSON null. */
    public JsonObject string(String name, String value) {
        members.put(name, value == null ? "null" : quote(value));
        return this;
    }

    public JsonObject number(String name, long value) {
        members.put(name, Long.toString(value));
        return this;
    }

    /** Adds a member whose value is already well-formed JSON text (a stored document); null as JSON null. */
    public JsonObject json(String name, String document) {
        members.put(name, document == null ? "null" : document);
        return this;
    }

    /** The object's text. */
    public String text() {
        StringBuilder json = new StringBuilder("{");
        members.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(", ");
            }
            json.append(quote(name)).append(": ").append(value);
        });
        return json.append('}').toString();
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
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
}
