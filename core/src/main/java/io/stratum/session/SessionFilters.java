package io.stratum.session;

import io.stratum.internal.values.Paging;
import io.stratum.internal.values.Timestamps;
import java.time.OffsetDateTime;

/**
 * Criteria for {@link SessionRepository#list(SessionFilters)}; unset criteria match everything. Results are ordered
 * by start time, oldest first, then id, so paging with limit and offset is stable.
 *
 * @param status only sessions in this status
 * @param startedFrom only sessions started at or after this time
 * @param startedBefore only sessions started before this time
 * @param limit at most this many (1..10000)
 * @param offset sessions to skip (0 or more)
 */
public record SessionFilters(SessionStatus status, OffsetDateTime startedFrom, OffsetDateTime startedBefore,
                             int limit, int offset) {
    /** Page size when none is given. */
    public static final int DEFAULT_LIMIT = 100;

    public SessionFilters {
        Paging.limit("limit", limit);
        Paging.offset("offset", offset);
        startedFrom = Timestamps.normalize(startedFrom);
        startedBefore = Timestamps.normalize(startedBefore);
    }

    /** No criteria, first page of {@value #DEFAULT_LIMIT}. */
    public static SessionFilters all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder for filters. */
    public static final class Builder {
        private SessionStatus status;
        private OffsetDateTime startedFrom;
        private OffsetDateTime startedBefore;
        private int limit = DEFAULT_LIMIT;
        private int offset;

        private Builder() {
        }

        public Builder status(SessionStatus value) {
            status = value;
            return this;
        }

        /** Sessions started in {@code [from, before)}; either bound may be null. */
        public Builder startedBetween(OffsetDateTime from, OffsetDateTime before) {
            startedFrom = from;
            startedBefore = before;
            return this;
        }

        public Builder limit(int value) {
            limit = value;
            return this;
        }

        public Builder offset(int value) {
            offset = value;
            return this;
        }

        public SessionFilters build() {
            return new SessionFilters(status, startedFrom, startedBefore, limit, offset);
        }
    }
}
