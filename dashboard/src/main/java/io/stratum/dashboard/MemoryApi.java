package io.stratum.dashboard;

import static io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES;
import static org.jooq.impl.DSL.countDistinct;

import io.stratum.Stratum;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/memory}: namespaces with their number of keys, the live keys of one namespace, a key's versions. */
final class MemoryApi {
    static final int MAX_NAMESPACES = 500;

    private final Stratum db;

    MemoryApi(Stratum db) {
        this.db = db;
    }

    /** Namespaces with a live key, in order, each with its number of live keys; at most {@value #MAX_NAMESPACES}. */
    Map<String, Object> namespaces(URI uri) {
        Request.of(uri, Set.of());
        List<Map<String, Object>> items = db.dsl()
                .select(MEMORY_ENTRIES.NAMESPACE, countDistinct(MEMORY_ENTRIES.KEY))
                .from(MEMORY_ENTRIES)
                .where(MEMORY_ENTRIES.DELETED_AT.isNull())
                .groupBy(MEMORY_ENTRIES.NAMESPACE)
                .orderBy(MEMORY_ENTRIES.NAMESPACE)
                .limit(MAX_NAMESPACES)
                .fetch(r -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("namespace", r.value1());
                    json.put("keys", r.value2());
                    return json;
                });
        return Map.of("items", items);
    }

    /** Live entries of {@code namespace} whose key starts with {@code prefix}, in key order. */
    Map<String, Object> entries(URI uri) {
        Request request = Request.of(uri, Set.of("namespace", "prefix", "after", "limit"));
        String prefix = request.text("prefix");
        return Views.page(
                db.memory()
                        .list(
                                request.required("namespace"),
                                prefix == null ? "" : prefix,
                                request.page(TasksApi.DEFAULT_LIMIT)),
                Views::memory,
                null);
    }

    /** Every stored version of one key, oldest first. */
    Map<String, Object> versions(URI uri) {
        Request request = Request.of(uri, Set.of("namespace", "key", "after", "limit"));
        return Views.page(
                db.memory()
                        .history(
                                request.required("namespace"),
                                request.required("key"),
                                request.page(TasksApi.DEFAULT_LIMIT)),
                Views::memory,
                null);
    }
}
