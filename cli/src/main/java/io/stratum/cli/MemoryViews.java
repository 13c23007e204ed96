package io.stratum.cli;

import io.stratum.Json;
import io.stratum.memory.MemoryEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/** How memory entries print. */
final class MemoryViews {
    private static final int VALUE_WIDTH = 60;

    private MemoryViews() {}

    static Map<String, Object> json(MemoryEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("namespace", e.namespace());
        json.put("key", e.key());
        json.put("version", e.version());
        json.put("value", Jsons.tree(e.value()));
        json.put("createdBy", e.createdBy());
        json.put("createdAt", text(e.createdAt()));
        json.put("updatedBy", e.updatedBy());
        json.put("updatedAt", text(e.updatedAt()));
        json.put("expiresAt", text(e.expiresAt()));
        json.put("deletedAt", text(e.deletedAt()));
        return json;
    }

    /** The value as compact JSON, cut to fit a table column. */
    static String abbreviated(Json value) {
        String text = Jsons.toJson(Jsons.tree(value)).text();
        return text.length() <= VALUE_WIDTH ? text : text.substring(0, VALUE_WIDTH - 3) + "...";
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
