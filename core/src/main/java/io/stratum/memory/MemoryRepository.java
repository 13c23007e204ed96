package io.stratum.memory;

import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.Page;
import io.stratum.PageRequest;
import io.stratum.StaleVersion;
import java.util.List;
import java.util.Optional;

/**
 * Shared memory: JSON documents under a namespace and a key, versioned. Every write adds a version and keeps the
 * older ones; a delete adds a version that marks the key deleted (a soft delete); an expired version is invisible.
 * {@link #get}, {@link #list} and {@link #search} see only live entries: the newest version of a key, unless it
 * records a delete or has expired. {@link #getVersion} and {@link #history} see every stored version until
 * {@link io.stratum.Retention#purgeMemory} removes dead keys. Every write is recorded in the audit trail, in the
 * same transaction.
 *
 * <p>Every method runs in its own transaction unless called inside {@code Stratum.transaction(...)}. Namespaces and
 * keys are validated ({@link MemoryWrite}) with {@link InvalidInput}.
 *
 * <pre>{@code
 * MemoryEntry v1 = db.memory().put("task:42:specs", "architecture", Json.of("{\"style\": \"hexagonal\"}"));
 * db.memory().put(MemoryWrite.of("task:42:specs", "architecture", newer).expectingVersion(v1.version()));
 * Page<MemoryEntry> specs = db.memory().list("task:42:specs", "", PageRequest.first(100));
 * }</pre>
 */
public interface MemoryRepository {

    /** Writes a new version unconditionally, without expiry, as the store's actor; returns it. */
    MemoryEntry put(String namespace, String key, Json value);

    /**
     * Writes a new version as {@code write} says and returns it.
     *
     * @throws StaleVersion if {@link MemoryWrite#expectedVersion()} is set and is not the live version (the
     *     exception's {@code actualVersion()} is the live version, 0 if there is none)
     * @throws InvalidInput if {@link MemoryWrite#expiresAt()} is not in the future
     */
    MemoryEntry put(MemoryWrite write);

    /** The live entry, if any. */
    Optional<MemoryEntry> get(String namespace, String key);

    /** Version {@code version} as stored, live or not, if it exists. */
    Optional<MemoryEntry> getVersion(String namespace, String key, long version);

    /**
     * A page of the stored versions of the key, oldest first; the cursor is the last version of the page.
     *
     * @throws InvalidInput if the cursor was not handed out by this method
     */
    Page<MemoryEntry> history(String namespace, String key, PageRequest page);

    /**
     * Soft-deletes the entry: adds a version that records the delete. Returns whether there was a live entry; if
     * not, nothing is written.
     *
     * @param actor who deletes, or null for the store's actor
     */
    boolean delete(String namespace, String key, String actor);

    /**
     * Live entries of {@code namespace} whose key starts with {@code keyPrefix} (taken literally: {@code %} and
     * {@code _} are ordinary characters; "" for all), a page in key order; the cursor is the last key of the
     * page, so a deep page costs as much as the first. Keys sort in the database's collation,
     * which for printable ASCII is byte order on SQLite and on PostgreSQL databases with the {@code C} collation.
     */
    Page<MemoryEntry> list(String namespace, String keyPrefix, PageRequest page);

    /**
     * Live entries whose key or value contains {@code text} (taken literally, ignoring the case of ASCII letters), in
     * {@code namespace} or in every namespace if it is null; ordered by namespace and key.
     */
    List<MemoryEntry> search(String namespace, String text, int limit);
}
