package io.stratum.internal.memory;

import static io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES;

import io.stratum.codegen.jooq.tables.MemoryEntries;
import io.stratum.codegen.jooq.tables.records.MemoryEntriesRecord;
import io.stratum.internal.task.TaskRows;
import io.stratum.internal.values.Timestamps;
import io.stratum.memory.MemoryEntry;
import java.time.OffsetDateTime;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Which stored memory versions are current and live, as SQL conditions and in Java, and the mapping to
 * {@link MemoryEntry}. One row per version: a key's current version is the one no higher version of the same key
 * exists for; it is live unless it records a delete or has expired.
 */
public final class MemoryRows {
    private static final MemoryEntries NEWER = MEMORY_ENTRIES.as("newer");

    private MemoryRows() {}

    /** {@code m} is its key's newest version (an index look-up on the unique (namespace, key, version) index). */
    public static Condition isNewest(MemoryEntries m) {
        return DSL.notExists(DSL.selectOne()
                .from(NEWER)
                .where(NEWER.NAMESPACE.eq(m.NAMESPACE), NEWER.KEY.eq(m.KEY), NEWER.VERSION.gt(m.VERSION)));
    }

    /** {@code m} neither records a delete nor has expired at {@code now}. */
    static Condition isLive(MemoryEntries m, OffsetDateTime now) {
        return m.DELETED_AT.isNull().and(m.EXPIRES_AT.isNull().or(m.EXPIRES_AT.gt(now)));
    }

    static boolean isLive(MemoryEntriesRecord r, OffsetDateTime now) {
        return r.getDeletedAt() == null
                && (r.getExpiresAt() == null || r.getExpiresAt().isAfter(now));
    }

    static MemoryEntry toEntry(MemoryEntriesRecord r) {
        return new MemoryEntry(
                r.getNamespace(),
                r.getKey(),
                TaskRows.json(r.getValue()),
                r.getVersion(),
                r.getCreatedBy(),
                Timestamps.normalize(r.getCreatedAt()),
                r.getUpdatedBy(),
                Timestamps.normalize(r.getUpdatedAt()),
                Timestamps.normalize(r.getExpiresAt()),
                Timestamps.normalize(r.getDeletedAt()));
    }
}
