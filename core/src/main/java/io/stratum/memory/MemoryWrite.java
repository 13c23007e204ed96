package io.stratum.memory;

import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.internal.memory.MemoryNames;
import io.stratum.internal.values.Text;
import io.stratum.internal.values.Timestamps;
import java.time.OffsetDateTime;

/**
 * A write to memory with its options, for {@link MemoryRepository#put(MemoryWrite)}. The constructor validates every
 * field and throws {@link InvalidInput} naming the first bad one.
 *
 * <pre>{@code
 * MemoryWrite.of("task:42:specs", "architecture", json).expectingVersion(3).expiringAt(tomorrow).by("planner")
 * }</pre>
 *
 * @param namespace letters, digits and {@code _ - . : /}, 1..128 characters
 * @param key printable ASCII without spaces, 1..256 characters
 * @param value the document to store
 * @param expectedVersion null to write unconditionally; else the write happens only if the entry's current live
 *     version is this one (0: there is no live entry), otherwise {@link io.stratum.StaleVersion}
 * @param expiresAt when the new version stops being visible (must be in the future when written), or null
 * @param actor who writes, recorded as the version's author and in the audit trail; null for the store's actor
 */
public record MemoryWrite(
        String namespace, String key, Json value, Long expectedVersion, OffsetDateTime expiresAt, String actor) {
    /** Longest actor name, in characters. */
    public static final int ACTOR_MAX = 200;

    public MemoryWrite {
        MemoryNames.namespace(namespace);
        MemoryNames.key(key);
        if (value == null) {
            throw new InvalidInput("value", "is required (use Json.of(\"null\") for a JSON null)");
        }
        if (expectedVersion != null && expectedVersion < 0) {
            throw new InvalidInput("expectedVersion", expectedVersion + " must not be negative");
        }
        expiresAt = Timestamps.normalize(expiresAt);
        Text.optional("actor", actor, ACTOR_MAX);
    }

    /** An unconditional write without expiry by the store's actor. */
    public static MemoryWrite of(String namespace, String key, Json value) {
        return new MemoryWrite(namespace, key, value, null, null, null);
    }

    /** Compare-and-set: write only if the live version is still {@code version} (0: no live entry). */
    public MemoryWrite expectingVersion(long version) {
        return new MemoryWrite(namespace, key, value, version, expiresAt, actor);
    }

    public MemoryWrite expiringAt(OffsetDateTime at) {
        return new MemoryWrite(namespace, key, value, expectedVersion, at, actor);
    }

    public MemoryWrite by(String writer) {
        return new MemoryWrite(namespace, key, value, expectedVersion, expiresAt, writer);
    }
}
