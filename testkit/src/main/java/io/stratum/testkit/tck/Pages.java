package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.InvalidInput;
import io.stratum.Page;
import io.stratum.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Walks a list operation page by page with its cursors, checking the page shape on the way. */
final class Pages {
    private Pages() {}

    /** The items of the first page of at most {@code limit}. */
    static <T> List<T> first(Function<PageRequest, Page<T>> list, int limit) {
        return list.apply(PageRequest.first(limit)).items();
    }

    /** The items of the {@code index}-th (0-based) page of at most {@code limit}, reached through the cursors. */
    static <T> List<T> nth(Function<PageRequest, Page<T>> list, int limit, int index) {
        return pages(list, limit).get(index);
    }

    /** Every page of at most {@code limit}, following the cursors until a page says no more follow. */
    static <T> List<List<T>> pages(Function<PageRequest, Page<T>> list, int limit) {
        return pagesFrom(list, PageRequest.first(limit));
    }

    /** Every page from {@code request} on, following the cursors until a page says no more follow. */
    static <T> List<List<T>> pagesFrom(Function<PageRequest, Page<T>> list, PageRequest request) {
        int limit = request.limit();
        List<List<T>> pages = new ArrayList<>();
        while (true) {
            Page<T> page = list.apply(request);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
            pages.add(page.items());
            if (!page.hasMore()) {
                return pages;
            }
            assertThat(page.items()).hasSize(limit);
            request = page.next(limit);
        }
    }

    /** Every item, read in pages of {@code limit}. */
    static <T> List<T> all(Function<PageRequest, Page<T>> list, int limit) {
        return allFrom(list, PageRequest.first(limit));
    }

    /** Every item from {@code request} on, following the cursors. */
    static <T> List<T> allFrom(Function<PageRequest, Page<T>> list, PageRequest request) {
        return pagesFrom(list, request).stream().flatMap(List::stream).toList();
    }

    /** {@code call} is refused with {@link InvalidInput} naming {@code cursor}. */
    static void assertBadCursor(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
}
