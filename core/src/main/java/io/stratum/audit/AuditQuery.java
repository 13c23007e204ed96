package io.stratum.audit;

import io.stratum.PageRequest;
import io.stratum.internal.values.Timestamps;
import java.time.OffsetDateTime;

/**
 * Criteria for {@link AuditLog#query(AuditQuery, PageRequest)}; unset criteria match everything. Rows are listed by
 * time, oldest first, then id.
 *
 * @param entityType only rows about this kind of entity
 * @param entityId only rows about this entity (usually with {@code entityType})
 * @param from only rows written at or after this time
 * @param before only rows written before this time
 */
public record AuditQuery(String entityType, String entityId, OffsetDateTime from, OffsetDateTime before) {
    /** Normalizes the bounds to UTC microseconds, as times are stored. */
    public AuditQuery {
        from = Timestamps.normalize(from);
        before = Timestamps.normalize(before);
    }

    /** Every row. */
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

        private Builder() {}

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

        public AuditQuery build() {
            return new AuditQuery(entityType, entityId, from, before);
        }
    }
}
