package io.stratum.reliability;

import io.stratum.Json;
import java.util.Random;

/** Seeded hostile values: strings, JSON documents and numbers meant to break validation and storage. */
final class Hostile {
    private static final String[] FRAGMENTS = {
        "'",
        "\"",
        "\\",
        "%",
        "_",
        ";",
        "--",
        "/*",
        "*/",
        "$$",
        "\0",
        "\uD800",
        "\uDC00",
        "\uDBFF\uDFFF",
        "😀",
        "é",
        "\u202E",
        "\uFEFF",
        "\r\n",
        "\t",
        " ",
        "ß",
        "İ",
        "DROP TABLE tasks",
        "NULL",
        "null",
        "\u0001",
        "\u007F",
        "\uFFFF",
        "{",
        "}",
        "[",
        "]"
    };

    private final Random random;

    Hostile(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** A string of any of the hostile shapes, or null (one in twelve). */
    String string() {
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> " \t ";
            case 3 -> repeat(random.nextInt(4) == 0 ? 100_001 : 1 + random.nextInt(300));
            case 4 -> Payloads.INJECTION.get(random.nextInt(Payloads.INJECTION.size()));
            default -> fragments(1 + random.nextInt(6));
        };
    }

    /** A plain, always valid word. */
    String word() {
        return "w" + Integer.toString(random.nextInt(1_000_000), 36);
    }

    private String fragments(int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append(random.nextBoolean() ? word() : FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        return s.toString();
    }

    private String repeat(int length) {
        return String.valueOf((char) ('a' + random.nextInt(26))).repeat(length);
    }

    int integer() {
        return switch (random.nextInt(6)) {
            case 0 -> Integer.MIN_VALUE;
            case 1 -> Integer.MAX_VALUE;
            case 2 -> -1 - random.nextInt(100);
            case 3 -> random.nextInt(20_000);
            default -> random.nextInt(12);
        };
    }

    long longValue() {
        return switch (random.nextInt(4)) {
            case 0 -> Long.MIN_VALUE;
            case 1 -> Long.MAX_VALUE;
            case 2 -> -1 - random.nextInt(100);
            default -> random.nextInt(10);
        };
    }

    /** JSON text: canonical (as PostgreSQL prints jsonb), deep, huge, malformed, or with hostile numbers. */
    String json() {
        return switch (random.nextInt(10)) {
            case 0 -> nested(random.nextBoolean() ? 500 + random.nextInt(12) : 513 + random.nextInt(1000));
            case 1 -> huge();
            case 2 -> malformed();
            case 3 ->
                new String[] {
                            "1e1000000",
                            "-1e-1000000",
                            "123456789012345678901234567890",
                            "NaN",
                            "Infinity",
                            "-0",
                            "01",
                            "1.",
                            ".5",
                            "+1",
                            "0x10"
                        }
                        [random.nextInt(11)];
            case 4 -> Json.quote(fragments(1 + random.nextInt(4)));
            default -> canonical(3);
        };
    }

    private String nested(int depth) {
        return "[".repeat(depth) + "1" + "]".repeat(depth);
    }

    private String huge() {
        StringBuilder s = new StringBuilder("[");
        int n = 20_000 + random.nextInt(20_000);
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ", ").append(i);
        }
        return s.append(']').toString();
    }

    private String malformed() {
        String valid = canonical(3);
        return switch (random.nextInt(5)) {
            case 0 -> valid.substring(0, Math.max(0, valid.length() - 1 - random.nextInt(Math.max(1, valid.length()))));
            case 1 -> valid + ",";
            case 2 -> "{'single': 1}";
            case 3 -> "{\"a\": 1,}";
            default -> "\"unterminated";
        };
    }

    /** A document whose text PostgreSQL's jsonb prints back unchanged: one key per object, integers. */
    String canonical(int depth) {
        int kind = depth == 0 ? random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> Integer.toString(random.nextInt(1_000_000) - 500_000);
            case 1 ->
                Json.quote(fragments(1 + random.nextInt(3)).replace("\0", "0").replaceAll("[\uD800-\uDFFF]", "s"));
            case 2 -> new String[] {"true", "false", "null"}[random.nextInt(3)];
            case 3 -> "[]";
            case 4 -> "{\"" + word() + "\": " + canonical(depth - 1) + "}";
            default -> "[" + canonical(depth - 1) + ", " + canonical(depth - 1) + "]";
        };
    }
}
