package io.stratum.session;

import io.stratum.internal.values.Timestamps;
import java.time.OffsetDateTime;

/**
 * Criteria for {@link SessionRepository#list(SessionFilters, io.stratum.PageRequest)}; unset criteria match
 * everything.
 *
 * @param status only sessions in this status
 * @param startedFrom only sessions started at or after this time
 * @param startedBefore only sessions started before this time
 */
public record SessionFilters(SessionStatus status, OffsetDateTime startedFrom, OffsetDateTime startedBefore) {
    /** Normalizes the time bounds. */
    public SessionFilters {
        startedFrom = Timestamps.normalize(startedFrom);
        startedBefore = Timestamps.normalize(startedBefore);
    }

    /** No criteria. */
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

        private Builder() {}

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

        public SessionFilters build() {
            return new SessionFilters(status, startedFrom, startedBefore);
        }
    }
}
