package io.stratum.audit;

import io.stratum.Json;
import io.stratum.internal.values.Text;

/**
 * An audit row the application writes itself with {@link AuditLog#record(AuditRecord)}. The constructor validates
 * every field and throws {@link io.stratum.InvalidInput} naming the first bad one.
 *
 * @param actor who acted, or null for the store's actor (at most {@value #NAME_MAX} characters)
 * @param action required, at most {@value #NAME_MAX} characters
 * @param entityType required, at most {@value #NAME_MAX} characters
 * @param entityId required, at most {@value #ID_MAX} characters
 */
public record AuditRecord(String actor, String action, String entityType, String entityId, Json before, Json after) {
    /** Longest actor, action and entity type, in characters. */
    public static final int NAME_MAX = 200;
    /** Longest entity id, in characters. */
    public static final int ID_MAX = 512;

    public AuditRecord {
        Text.optional("actor", actor, NAME_MAX);
        Text.required("action", action, NAME_MAX);
        Text.required("entityType", entityType, NAME_MAX);
        Text.required("entityId", entityId, ID_MAX);
    }

    /** A record without before and after state, by the store's actor. */
    public static AuditRecord of(String action, String entityType, String entityId) {
        return new AuditRecord(null, action, entityType, entityId, null, null);
    }

    public AuditRecord by(String value) {
        return new AuditRecord(value, action, entityType, entityId, before, after);
    }

    public AuditRecord withChange(Json beforeState, Json afterState) {
        return new AuditRecord(actor, action, entityType, entityId, beforeState, afterState);
    }
}
