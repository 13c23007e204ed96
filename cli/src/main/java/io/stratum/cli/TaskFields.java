package io.stratum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.InvalidInput;
import io.stratum.session.SessionId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Typed reads of one task object of a task file; a value of the wrong type is an {@link InvalidInput} that says
 * which file, which task and which field. Absent and {@code null} fields read as null.
 */
final class TaskFields {
    private final JsonNode node;
    private final String where;

    /** {@code where} names the task in messages, e.g. {@code tasks.yaml: tasks[3] (api)}. */
    TaskFields(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    boolean has(String field) {
        return node.has(field);
    }

    JsonNode json(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    String text(String field) {
        JsonNode value = json(field);
        if (value != null && (!value.isValueNode() || value.isBinary())) {
            throw invalid(field, "must be a string");
        }
        return value == null ? null : value.asText();
    }

    String required(String field) {
        String value = text(field);
        if (value == null) {
            throw invalid(field, "is required");
        }
        return value;
    }

    int integer(String field, int fallback) {
        JsonNode value = json(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid(field, "must be a whole number, not " + value);
        }
        return value.intValue();
    }

    Integer integer(String field) {
        return json(field) == null ? null : integer(field, 0);
    }

    OffsetDateTime time(String field) {
        String value = text(field);
        try {
            return value == null ? null : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "'" + value + "' is not a time such as 2030-01-31T18:00:00Z");
        }
    }

    Instant instant(String field) {
        OffsetDateTime value = time(field);
        return value == null ? null : value.toInstant();
    }

    SessionId sessionId(String field) {
        UUID value = uuid(field);
        return value == null ? null : SessionId.of(value);
    }

    UUID uuid(String field) {
        String value = text(field);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid(field, "'" + value + "' is not a UUID");
        }
    }

    /** A task name or id, or a list of them. */
    List<String> references(String field) {
        JsonNode value = json(field);
        if (value == null) {
            return List.of();
        }
        if (value.isTextual()) {
            return List.of(value.asText());
        }
        List<String> references = new ArrayList<>();
        for (JsonNode element : value.isArray() ? value : List.of(value)) {
            if (!element.isTextual()) {
                throw invalid(field, "must be a list of task names or ids, not " + value);
            }
            references.add(element.asText());
        }
        return references;
    }

    InvalidInput invalid(String field, String problem) {
        return new InvalidInput(TaskFile.FIELD, where + ": " + field + " " + problem);
    }
}
