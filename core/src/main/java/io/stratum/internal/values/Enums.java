package io.stratum.internal.values;

import io.stratum.InvalidInput;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parsing of the lower-case enum values stored in the database and accepted from users. */
public final class Enums {
    private Enums() {}

    /** The constant of {@code type} named {@code value} (case-insensitive); {@link InvalidInput} naming {@code field} otherwise. */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
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
