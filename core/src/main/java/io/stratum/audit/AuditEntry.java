package io.stratum.audit;

import io.stratum.Json;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of the audit trail: who did what to which entity, with the entity's relevant state before and after.
 *
 * @param actor who made the change, or null if unknown
 * @param action what was done, e.g. {@link AuditActions#TASK_STATUS}
 * @param entityType kind of entity, e.g. {@link AuditActions#TASK}
 * @param entityId the entity's id ({@code namespace#key} for memory)
 * @param before state before the change, or null (e.g. {@code {"status": "ready", "version": 2}})
 * @param after state after the change, or null
 */
public record AuditEntry(
        UUID id,
        String actor,
        String action,
        String entityType,
        String entityId,
        Json before,
        Json after,
        OffsetDateTime at) {}
