package io.stratum.dashboard;

import io.stratum.InvalidInput;
import io.stratum.PageRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The query parameters of one request, read strictly: a parameter the endpoint does not know, a repeated one or a
 * value that does not parse is a 400 naming it.
 */
final class Request {
    private final Map<String, String> params;

    private Request(Map<String, String> params) {
        this.params = params;
    }

    /** The parameters of {@code uri}; only names in {@code allowed} are accepted. */
    static Request of(URI uri, Set<String> allowed) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!allowed.contains(name)) {
                    throw ApiError.badRequest("unknown parameter '" + name + "'; this endpoint takes "
                            + (allowed.isEmpty()
                                    ? "none"
                                    : String.join(
                                            ", ", allowed.stream().sorted().toList())));
                }
                if (params.put(name, value) != null) {
                    throw ApiError.badRequest("parameter '" + name + "' is given twice");
                }
            }
        }
        return new Request(params);
    }

    /** The value of {@code name}, or null when absent or empty. */
    String text(String name) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The value of {@code name}, which must be present. */
    String required(String name) {
        String value = text(name);
        if (value == null) {
            throw ApiError.badRequest("parameter '" + name + "' is required");
        }
        return value;
    }

    /** The value of {@code name} parsed by {@code parse} (whose failures become a 400), or null when absent. */
    <T> T parsed(String name, Function<String, T> parse) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException | InvalidInput e) {
            throw ApiError.badRequest("parameter '" + name + "': '" + value + "' is not valid");
        }
    }

    /** An enum constant named case-insensitively by {@code name}'s value, or null when absent. */
    <E extends Enum<E>> E choice(String name, Class<E> type) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder known = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                known.append(known.isEmpty() ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
            }
            throw ApiError.badRequest("parameter '" + name + "': '" + value + "' is not one of " + known);
        }
    }

    /** The page asked for with {@code after} (a cursor) and {@code limit} (1..{@link PageRequest#MAX_LIMIT}). */
    PageRequest page(int defaultLimit) {
        String limitText = text("limit");
        int limit = defaultLimit;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
                throw ApiError.badRequest(
                        "parameter 'limit': '" + limitText + "' is not a number in 1.." + PageRequest.MAX_LIMIT);
            }
        }
        String after = text("after");
        return after == null ? PageRequest.first(limit) : PageRequest.after(after, limit);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("the query string is not URL-encoded properly");
        }
    }
}
