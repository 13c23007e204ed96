package io.stratum.internal.values;

import io.stratum.InvalidInput;

/**
 * Checks on user strings shared by every entity. Both backends store text as UTF-8: PostgreSQL refuses
 * NUL characters and the JDBC drivers silently replace unpaired UTF-16 surrogates with '?', so such
 * strings are refused up front rather than stored differently from what the caller gave.
 */
public final class Text {
    private Text() {}

    /** Refuses NUL characters and unpaired surrogates in {@code value}. */
    public static void checkEncodable(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new InvalidInput(field, "contains a NUL character at index " + i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new InvalidInput(field, "contains an unpaired surrogate at index " + i);
            }
            if (Character.isLowSurrogate(c)) {
                throw new InvalidInput(field, "contains an unpaired surrogate at index " + i);
            }
        }
    }

    /** A required string: not null, not blank, at most {@code maxChars} characters (code points). */
    public static String required(String field, String value, int maxChars) {
        if (value == null) {
            throw new InvalidInput(field, "is required");
        }
        if (value.isBlank()) {
            throw new InvalidInput(field, "must not be blank");
        }
        return optional(field, value, maxChars);
    }

    /** An optional string: null passes, otherwise at most {@code maxChars} characters (code points). */
    public static String optional(String field, String value, int maxChars) {
        if (value == null) {
            return null;
        }
        checkEncodable(field, value);
        int length = value.codePointCount(0, value.length());
        if (length > maxChars) {
            throw new InvalidInput(field, "is " + length + " characters long, the limit is " + maxChars);
        }
        return value;
    }
}
