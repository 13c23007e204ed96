package io.stratum.task;

import io.stratum.InvalidInput;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

final class Enums {
    private Enums() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null) {
            throw new InvalidInput(field, "is required");
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            throw new InvalidInput(field, "'" + value + "' is not one of " + allowed);
        }
    }
}
