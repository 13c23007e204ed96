package io.stratum.memory;

import io.stratum.Json;
import java.time.OffsetDateTime;

/**
 * One stored version of a memory entry. Every write creates a new version; versions of a key count up from 1.
 *
 * @param createdBy who wrote the key's first version
 * @param createdAt when the key's first version was written
 * @param updatedBy who wrote this version
 * @param updatedAt when this version was written
 * @param expiresAt when this version stops being visible, or null for never
 * @param deletedAt set on the version that a delete wrote (its value is JSON {@code null}), else null
 */
public record MemoryEntry(
        String namespace,
        String key,
        Json value,
        long version,
        String createdBy,
        OffsetDateTime createdAt,
        String updatedBy,
        OffsetDateTime updatedAt,
        OffsetDateTime expiresAt,
        OffsetDateTime deletedAt) {

    /** Whether this version records a delete. */
    public boolean isDeleted() {
        return deletedAt != null;
    }
}
