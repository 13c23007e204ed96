package io.stratum.internal;

/** Builds the small JSON objects of audit rows without a JSON library; names are constants, values are escaped. */
public final class JsonObject {
    private final StringBuilder json = new StringBuilder("{");

    /** Adds a string member; a null value is written as JSON null. */
    public JsonObject string(String name, String value) {
        return member(name, value == null ? "null" : quote(value));
    }

    public JsonObject number(String name, long value) {
        return member(name, Long.toString(value));
    }

    /** Adds a member whose value is already well-formed JSON text (a stored document); null as JSON null. */
    public JsonObject json(String name, String document) {
        return member(name, document == null ? "null" : document);
    }

    /** The object's text. */
    public String text() {
        return json + "}";
    }

    private JsonObject member(String name, String valueText) {
        if (json.length() > 1) {
            json.append(", ");
        }
        json.append(quote(name)).append(": ").append(valueText);
        return this;
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
