package io.stratum.reliability;

import io.stratum.Json;

/** JSON string literals written the way PostgreSQL's jsonb prints them, so documents read back byte for byte. */
final class JsonStrings {
    private JsonStrings() {}

    /** {@code {"p": "<value>"}}. */
    static String object(String value) {
        return "{\"p\": " + Json.quote(value) + "}";
    }
}
