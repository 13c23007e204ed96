package io.stratum.cli.copy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One text per JSON document however it was written, so that documents compare equal across backends:
 * PostgreSQL's jsonb drops insignificant whitespace, reorders keys, keeps the last of duplicate keys, decodes
 * escapes and rewrites numbers ({@code 1e2} becomes {@code 100}); SQLite keeps the text as given. Here keys
 * are sorted, duplicates resolved the same way, and numbers written as their exact decimal value.
 */
final class CanonicalJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private CanonicalJson() {}

    static String of(String json) {
        try {
            StringBuilder out = new StringBuilder(json.length());
            write(MAPPER.readTree(json), out);
            return out.toString();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonNode node, StringBuilder out) throws JsonProcessingException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                out.append(i == 0 ? "" : ",")
                        .append(MAPPER.writeValueAsString(names.get(i)))
                        .append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            Iterator<JsonNode> elements = node.elements();
            for (int i = 0; elements.hasNext(); i++) {
                out.append(i == 0 ? "" : ",");
                write(elements.next(), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(node.decimalValue().stripTrailingZeros().toPlainString());
        } else {
            out.append(MAPPER.writeValueAsString(node));
        }
    }
}
