package io.stratum.internal.memory;

import io.stratum.InvalidInput;

/**
 * The rules for memory namespaces and keys. Both are plain ASCII so that they compare and sort the same way on
 * every backend, and a namespace cannot contain {@code #}, which separates it from the key in audit entity ids.
 */
public final class MemoryNames {
    /** Longest namespace, in characters. */
    public static final int NAMESPACE_MAX = 128;
    /** Longest key, in characters. */
    public static final int KEY_MAX = 256;

    private MemoryNames() {}

    /** Letters, digits and {@code _ - . : /}, 1..{@value #NAMESPACE_MAX} characters, e.g. {@code task:42:specs}. */
    public static String namespace(String value) {
        check("namespace", value, NAMESPACE_MAX);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':' || c == '/')) {
                throw new InvalidInput(
                        "namespace",
                        "character '" + c + "' at index " + i + " is not allowed (letters, digits and _ - . : / are)");
            }
        }
        return value;
    }

    /** Printable ASCII without spaces ({@code !} to {@code ~}), 1..{@value #KEY_MAX} characters. */
    public static String key(String value) {
        return key("key", value);
    }

    /** A key, or a value compared with keys, reported as {@code field} when it breaks the key rules. */
    public static String key(String field, String value) {
        check(field, value, KEY_MAX);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '!' || c > '~') {
                throw new InvalidInput(
                        field,
                        "character " + String.format("U+%04X", (int) c) + " at index " + i
                                + " is not allowed (printable ASCII without spaces is)");
            }
        }
        return value;
    }

    /** A key prefix for listing: like a key, but may be empty. */
    public static String prefix(String value) {
        if (value == null) {
            throw new InvalidInput("prefix", "is required (use \"\" for every key)");
        }
        return value.isEmpty() ? value : key("prefix", value);
    }

    /** How audit rows name a memory entry: {@code namespace#key}. */
    public static String entityId(String namespace, String key) {
        return namespace + "#" + key;
    }

    private static void check(String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInput(field, "is required");
        }
        if (value.length() > max) {
            throw new InvalidInput(field, "is " + value.length() + " characters long, the limit is " + max);
        }
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
