package io.stratum.internal.values;

import io.stratum.InvalidInput;
import io.stratum.Page;
import io.stratum.PageRequest;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Keyset cursors: the sort key of a page's last row, each part URL-safe Base64 (unpadded) and joined with dots, so
 * a cursor is opaque to users and safe in a URL or on a command line.
 */
public final class Cursors {
    private static final Pattern DOT = Pattern.compile("\\.");

    private Cursors() {}

    /** The cursor holding {@code parts}. */
    public static String encode(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(Base64.getUrlEncoder().withoutPadding().encodeToString(part.getBytes(StandardCharsets.UTF_8)));
        }
        return out.toString();
    }

    /** The {@code count} parts of {@code cursor}; {@link InvalidInput} naming {@code cursor} if it is not such a cursor. */
    public static String[] decode(String cursor, int count) {
        String[] parts = DOT.split(cursor, -1);
        if (parts.length != count) {
            throw invalid(cursor);
        }
        try {
            for (int i = 0; i < count; i++) {
                parts[i] = new String(Base64.getUrlDecoder().decode(parts[i]), StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException e) {
            throw invalid(cursor);
        }
        return parts;
    }

    /** The error for a cursor that this list did not hand out. */
    public static InvalidInput invalid(String cursor) {
        return new InvalidInput("cursor", "'" + cursor + "' is not a cursor of this list");
    }

    /**
     * The page of {@code rows}, fetched with a limit of {@code limit + 1}: the extra row, if any, only says that more
     * follow and is dropped; the cursor is the key of the last row kept.
     */
    public static <T> Page<T> page(List<T> rows, int limit, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> kept = rows.subList(0, limit);
        return new Page<>(kept, cursorOf.apply(kept.getLast()));
    }

    /** The {@code count} parts of the cursor of {@code page}, or null for the first page. */
    public static String[] after(PageRequest page, int count) {
        return page.cursor() == null ? null : decode(page.cursor(), count);
    }

    /** {@code part} of {@code cursor} read by {@code parser}; {@link InvalidInput} naming {@code cursor} if it does not parse. */
    public static <T> T parse(String cursor, String part, Function<String, T> parser) {
        try {
            return parser.apply(part);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw invalid(cursor);
        }
    }

    /** The key in a one-part cursor of {@code page}, or null for the first page. */
    public static String afterText(PageRequest page) {
        String[] parts = after(page, 1);
        return parts == null ? null : parts[0];
    }

    /** The number in a one-part cursor of {@code page}, or null for the first page. */
    public static Long afterNumber(PageRequest page) {
        String text = afterText(page);
        return text == null ? null : parse(page.cursor(), text, Long::parseLong);
    }

    /** The UUID in a one-part cursor of {@code page}, or null for the first page. */
    public static UUID afterId(PageRequest page) {
        String text = afterText(page);
        return text == null ? null : parse(page.cursor(), text, UUID::fromString);
    }
}
