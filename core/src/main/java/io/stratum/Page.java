package io.stratum;

import java.util.List;

/**
 * One page of a list operation: the items, in the operation's order, and where the next page starts.
 *
 * <pre>{@code
 * PageRequest request = PageRequest.first(100);
 * Page<MemoryEntry> page;
 * do {
 *     page = db.memory().list("specs", "", request);
 *     page.items().forEach(this::handle);
 *     request = page.next(100);
 * } while (page.hasMore());
 * }</pre>
 *
 * @param items the rows of this page, at most the request's limit
 * @param nextCursor opaque position after the last item, for {@link PageRequest#after(String, int)}; null on the last
 *     page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextCursor) {
    /** Copies {@code items}; {@code nextCursor} may be null. */
    public Page {
        items = List.copyOf(items);
    }

    /** Whether more rows follow this page (then {@link #nextCursor()} is not null). */
    public boolean hasMore() {
        return nextCursor != null;
    }

    /**
     * The request for the page after this one, with the same limit as {@code limit}.
     *
     * @throws IllegalStateException if this is the last page
     */
    public PageRequest next(int limit) {
        if (nextCursor == null) {
            throw new IllegalStateException("this is the last page");
        }
        return PageRequest.after(nextCursor, limit);
    }
}
