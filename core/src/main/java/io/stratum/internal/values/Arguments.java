package io.stratum.internal.values;

import io.stratum.InvalidInput;

/** Null checks on repository arguments, with the typed error every other validation uses. */
public final class Arguments {
    private Arguments() {}

    /** {@code value}, or {@link InvalidInput} naming {@code name} if it is null. */
    public static <T> T require(String name, T value) {
        if (value == null) {
            throw new InvalidInput(name, "is required");
        }
        return value;
    }
}
