package io.stratum.internal.json;

import io.stratum.Json;
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
        members.put(name, value == null ? "null" : Json.quote(value));
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
            json.append(Json.quote(name)).append(": ").append(value);
        });
        return json.append('}').toString();
    }
}
