package io.stratum.internal.values;

import io.stratum.InvalidInput;

/** The page-size rule every list operation shares. */
public final class Paging {
    /** Largest page any list operation returns. */
    public static final int MAX_LIMIT = 10_000;

    private Paging() {}

    /** {@code value} if it is a valid page size (1..{@value #MAX_LIMIT}); {@link InvalidInput} naming {@code field} otherwise. */
    public static int limit(String field, int value) {
        if (value < 1 || value > MAX_LIMIT) {
            throw new InvalidInput(field, value + " is outside 1.." + MAX_LIMIT);
        }
        return value;
    }
}
