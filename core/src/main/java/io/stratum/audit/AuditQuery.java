package io.stratum.audit;

import io.stratum.internal.values.Paging;
import io.stratum.internal.values.Timestamps;
import java.time.OffsetDateTime;

/**
 * Criteria for {@link AuditLog#query(AuditQuery)}; unset criteria match everything. Results are ordered by time,
 * oldest first, then id, so paging with limit and offset is stable.
 *
 * @param entityType only rows about this kind of entity
 * @param entityId only rows about this entity (usually with {@code entityType})
 * @param from only rows written at or after this time
 * @param before only rows written before this time
 * @param limit at most this many rows (1..10000)
 * @param offset rows to skip (0 or more)
 */
public record AuditQuery(String entityType, String entityId, OffsetDateTime from, OffsetDateTime before, int limit,
                         int offset) {
    /** Page size when none is given. */
    public static final int DEFAULT_LIMIT = 100;

    public AuditQuery {
        Paging.limit("limit", limit);
        Paging.offset("offset", offset);
        from = Timestamps.normalize(from);
        before = Timestamps.normalize(before);
    }

    /** Every row, first page of {@value #DEFAULT_LIMIT}. */
    public static AuditQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder for queries. */
    public static final class Builder {
        private String entityType;
        private String entityId;
        private OffsetDateTime from;
        private OffsetDateTime before;
        private int limit = DEFAULT_LIMIT;
        private int offset;

        private Builder() {
        }

        /** Rows about one entity, e.g. {@code entity(AuditActions.TASK, taskId.toString())}. */
        public Builder entity(String type, String id) {
            entityType = type;
            entityId = id;
            return this;
        }

        /** Rows about one kind of entity. */
        public Builder entityType(String type) {
            entityType = type;
            return this;
        }

        /** Rows written in {@code [fromTime, beforeTime)}; either bound may be null. */
        public Builder between(OffsetDateTime fromTime, OffsetDateTime beforeTime) {
            from = fromTime;
            before = beforeTime;
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

        public AuditQuery build() {
            return new AuditQuery(entityType, entityId, from, before, limit, offset);
        }
    }
}
