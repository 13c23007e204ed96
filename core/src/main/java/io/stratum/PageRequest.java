package io.stratum;

import io.stratum.internal.values.Paging;

/**
 * Which page of a list operation to read: the first one, or the one after a cursor taken from
 * {@link Page#nextCursor()}. Cursors are opaque; one that was not returned by the same operation gives
 * {@link InvalidInput} naming {@code cursor}.
 *
 * @param cursor where the page starts, or null for the first page
 * @param limit at most this many items (1..{@value #MAX_LIMIT})
 */
public record PageRequest(String cursor, int limit) {
    /** Page size of {@link #first()}. */
    public static final int DEFAULT_LIMIT = 100;
    /** Largest page size. */
    public static final int MAX_LIMIT = Paging.MAX_LIMIT;

    /** Validates the limit; {@link InvalidInput} if it is outside 1..{@value #MAX_LIMIT}. */
    public PageRequest {
        Paging.limit("limit", limit);
    }

    /** The first page, of {@value #DEFAULT_LIMIT} items. */
    public static PageRequest first() {
        return first(DEFAULT_LIMIT);
    }

    /** The first page, of at most {@code limit} items. */
    public static PageRequest first(int limit) {
        return new PageRequest(null, limit);
    }

    /** The page after {@code cursor} (a {@link Page#nextCursor()}), of at most {@code limit} items. */
    public static PageRequest after(String cursor, int limit) {
        if (cursor == null || cursor.isBlank()) {
            throw new InvalidInput("cursor", "is required (use PageRequest.first for the first page)");
        }
        return new PageRequest(cursor, limit);
    }
}
