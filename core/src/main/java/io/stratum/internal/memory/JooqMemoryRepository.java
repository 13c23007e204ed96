package io.stratum.internal.memory;

import static io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES;

import io.stratum.Busy;
import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.Page;
import io.stratum.PageRequest;
import io.stratum.StaleVersion;
import io.stratum.audit.AuditActions;
import io.stratum.codegen.jooq.tables.records.MemoryEntriesRecord;
import io.stratum.internal.audit.AuditTrail;
import io.stratum.internal.json.JsonObject;
import io.stratum.internal.statement.KeyConflicts;
import io.stratum.internal.tx.Database;
import io.stratum.internal.values.Arguments;
import io.stratum.internal.values.Cursors;
import io.stratum.internal.values.Ids;
import io.stratum.internal.values.Paging;
import io.stratum.internal.values.Text;
import io.stratum.internal.values.Timestamps;
import io.stratum.memory.MemoryEntry;
import io.stratum.memory.MemoryRepository;
import io.stratum.memory.MemoryWrite;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** {@link MemoryRepository} in jOOQ, the same SQL on every backend; every write is audited in its transaction. */
public final class JooqMemoryRepository implements MemoryRepository {
    private static final JSONB TOMBSTONE = JSONB.valueOf("null");
    private static final int SEARCH_TEXT_MAX = 1_000;

    private final Database db;
    private final Clock clock;
    private final AuditTrail audit;
    private final KeyConflicts keyConflicts;

    public JooqMemoryRepository(Database db, Clock clock, AuditTrail audit, KeyConflicts keyConflicts) {
        this.db = db;
        this.clock = clock;
        this.audit = audit;
        this.keyConflicts = keyConflicts;
    }

    @Override
    public MemoryEntry put(String namespace, String key, Json value) {
        return put(MemoryWrite.of(namespace, key, value));
    }

    @Override
    public MemoryEntry put(MemoryWrite write) {
        Arguments.require("write", write);
        if (write.expiresAt() != null && !write.expiresAt().isAfter(Timestamps.now(clock))) {
            throw new InvalidInput("expiresAt", write.expiresAt() + " is not in the future");
        }
        return db.write(dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            MemoryEntriesRecord newest = newest(dsl, write.namespace(), write.key());
            MemoryEntriesRecord live = newest != null && MemoryRows.isLive(newest, now) ? newest : null;
            long liveVersion = live == null ? 0 : live.getVersion();
            if (write.expectedVersion() != null && write.expectedVersion() != liveVersion) {
                throw new StaleVersion(
                        AuditActions.MEMORY,
                        entityId(write.namespace(), write.key()),
                        write.expectedVersion(),
                        liveVersion);
            }
            String actor = audit.actorOr(write.actor());
            MemoryEntriesRecord row = nextVersion(dsl, write.namespace(), write.key(), newest, live, actor, now);
            row.setValue(JSONB.valueOf(write.value().text()));
            row.setExpiresAt(write.expiresAt());
            insert(dsl, row, write.expectedVersion(), now);
            audit.change(
                    dsl, actor, AuditActions.MEMORY_PUT, AuditActions.MEMORY, entityId(row), state(live), state(row));
            return MemoryRows.toEntry(row);
        });
    }

    @Override
    public Optional<MemoryEntry> get(String namespace, String key) {
        MemoryNames.namespace(namespace);
        MemoryNames.key(key);
        return db.read(dsl -> {
            MemoryEntriesRecord newest = newest(dsl, namespace, key);
            return newest != null && MemoryRows.isLive(newest, Timestamps.now(clock))
                    ? Optional.of(MemoryRows.toEntry(newest))
                    : Optional.<MemoryEntry>empty();
        });
    }

    @Override
    public Optional<MemoryEntry> getVersion(String namespace, String key, long version) {
        MemoryNames.namespace(namespace);
        MemoryNames.key(key);
        return db.read(dsl -> dsl.selectFrom(MEMORY_ENTRIES)
                .where(sameKey(namespace, key).and(MEMORY_ENTRIES.VERSION.eq(version)))
                .fetchOptional(MemoryRows::toEntry));
    }

    @Override
    public Page<MemoryEntry> history(String namespace, String key, PageRequest page) {
        MemoryNames.namespace(namespace);
        MemoryNames.key(key);
        Arguments.require("page", page);
        Long after = Cursors.afterNumber(page);
        List<MemoryEntry> rows = db.read(dsl -> dsl.selectFrom(MEMORY_ENTRIES)
                .where(sameKey(namespace, key)
                        .and(after == null ? DSL.noCondition() : MEMORY_ENTRIES.VERSION.gt(after)))
                .orderBy(MEMORY_ENTRIES.VERSION)
                .limit(page.limit() + 1)
                .fetch(MemoryRows::toEntry));
        return Cursors.page(rows, page.limit(), e -> Cursors.encode(Long.toString(e.version())));
    }

    @Override
    public boolean delete(String namespace, String key, String actor) {
        MemoryNames.namespace(namespace);
        MemoryNames.key(key);
        Text.optional("actor", actor, MemoryWrite.ACTOR_MAX);
        return db.write(dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            MemoryEntriesRecord newest = newest(dsl, namespace, key);
            if (newest == null || !MemoryRows.isLive(newest, now)) {
                return false;
            }
            String who = audit.actorOr(actor);
            MemoryEntriesRecord row = nextVersion(dsl, namespace, key, newest, newest, who, now);
            row.setValue(TOMBSTONE);
            row.setDeletedAt(now);
            insert(dsl, row, null, now);
            audit.change(
                    dsl,
                    who,
                    AuditActions.MEMORY_DELETE,
                    AuditActions.MEMORY,
                    entityId(row),
                    state(newest),
                    state(row));
            return true;
        });
    }

    @Override
    public Page<MemoryEntry> list(String namespace, String keyPrefix, PageRequest page) {
        MemoryNames.namespace(namespace);
        MemoryNames.prefix(keyPrefix);
        Arguments.require("page", page);
        String afterKey = Cursors.afterText(page);
        List<MemoryEntry> rows = db.read(dsl -> {
            Condition condition = MEMORY_ENTRIES
                    .NAMESPACE
                    .eq(namespace)
                    .and(MemoryRows.isNewest(MEMORY_ENTRIES))
                    .and(MemoryRows.isLive(MEMORY_ENTRIES, Timestamps.now(clock)));
            if (!keyPrefix.isEmpty()) {
                // An exact comparison, not LIKE: SQLite's LIKE ignores ASCII case, and the prefix is taken literally
                // without escaping % and _ (keys are ASCII, so characters and bytes count the same).
                condition = condition.and(
                        DSL.substring(MEMORY_ENTRIES.KEY, 1, keyPrefix.length()).eq(keyPrefix));
            }
            if (afterKey != null) {
                condition = condition.and(MEMORY_ENTRIES.KEY.gt(afterKey));
            }
            return dsl.selectFrom(MEMORY_ENTRIES)
                    .where(condition)
                    .orderBy(MEMORY_ENTRIES.KEY)
                    .limit(page.limit() + 1)
                    .fetch(MemoryRows::toEntry);
        });
        return Cursors.page(rows, page.limit(), e -> Cursors.encode(e.key()));
    }

    @Override
    public List<MemoryEntry> search(String namespace, String text, int limit) {
        if (namespace != null) {
            MemoryNames.namespace(namespace);
        }
        Text.required("text", text, SEARCH_TEXT_MAX);
        Paging.limit("limit", limit);
        return db.read(dsl -> {
            // jOOQ escapes LIKE's wildcards in the searched text (ESCAPE '!').
            Condition matches = MEMORY_ENTRIES
                    .KEY
                    .containsIgnoreCase(text)
                    .or(MEMORY_ENTRIES.VALUE.cast(SQLDataType.VARCHAR).containsIgnoreCase(text));
            return dsl.selectFrom(MEMORY_ENTRIES)
                    .where(matches.and(namespace == null ? DSL.noCondition() : MEMORY_ENTRIES.NAMESPACE.eq(namespace))
                            .and(MemoryRows.isNewest(MEMORY_ENTRIES))
                            .and(MemoryRows.isLive(MEMORY_ENTRIES, Timestamps.now(clock))))
                    .orderBy(MEMORY_ENTRIES.NAMESPACE, MEMORY_ENTRIES.KEY)
                    .limit(limit)
                    .fetch(MemoryRows::toEntry);
        });
    }

    private static MemoryEntriesRecord newest(DSLContext dsl, String namespace, String key) {
        return dsl.selectFrom(MEMORY_ENTRIES)
                .where(sameKey(namespace, key))
                .orderBy(MEMORY_ENTRIES.VERSION.desc())
                .limit(1)
                .fetchOne();
    }

    /** The row of the version after {@code newest}; a key that had no live version starts a new life. */
    private static MemoryEntriesRecord nextVersion(
            DSLContext dsl,
            String namespace,
            String key,
            MemoryEntriesRecord newest,
            MemoryEntriesRecord live,
            String actor,
            OffsetDateTime now) {
        MemoryEntriesRecord row = dsl.newRecord(MEMORY_ENTRIES);
        row.setId(Ids.v7(now.toInstant()));
        row.setNamespace(namespace);
        row.setKey(key);
        row.setVersion(newest == null ? 1 : newest.getVersion() + 1);
        row.setCreatedBy(live == null ? actor : live.getCreatedBy());
        row.setCreatedAt(live == null ? now : live.getCreatedAt());
        row.setUpdatedBy(actor);
        row.setUpdatedAt(now);
        return row;
    }

    /**
     * Inserts the new version unless another transaction stored the same version first, which READ COMMITTED
     * allows (two writers read the same newest version; SQLite writers never overlap). The loser fails:
     * {@link StaleVersion} for a compare-and-set, else {@link Busy}, which runs its unit of work again.
     */
    private void insert(DSLContext dsl, MemoryEntriesRecord row, Long expectedVersion, OffsetDateTime now) {
        int inserted = keyConflicts.inserted(
                dsl,
                on -> keyConflicts
                        .skipping(
                                on.insertInto(MEMORY_ENTRIES).set(row),
                                MEMORY_ENTRIES.NAMESPACE,
                                MEMORY_ENTRIES.KEY,
                                MEMORY_ENTRIES.VERSION)
                        .execute(),
                "uq_memory_entries_version");
        if (inserted == 1) {
            return;
        }
        if (expectedVersion != null) {
            MemoryEntriesRecord newest = newest(dsl, row.getNamespace(), row.getKey());
            long live = newest != null && MemoryRows.isLive(newest, now) ? newest.getVersion() : 0;
            throw new StaleVersion(AuditActions.MEMORY, entityId(row), expectedVersion, live);
        }
        throw new Busy("memory entry " + entityId(row) + " was written by a concurrent transaction", null);
    }

    private static Condition sameKey(String namespace, String key) {
        return MEMORY_ENTRIES.NAMESPACE.eq(namespace).and(MEMORY_ENTRIES.KEY.eq(key));
    }

    private static String entityId(MemoryEntriesRecord row) {
        return entityId(row.getNamespace(), row.getKey());
    }

    private static String entityId(String namespace, String key) {
        return MemoryNames.entityId(namespace, key);
    }

    /** The audited state of a version: its number and value, and whether it records a delete or expires. */
    private static String state(MemoryEntriesRecord row) {
        if (row == null) {
            return null;
        }
        JsonObject state = new JsonObject()
                .number("version", row.getVersion())
                .json("value", row.getValue().data());
        if (row.getExpiresAt() != null) {
            state.string("expiresAt", Timestamps.normalize(row.getExpiresAt()).toString());
        }
        if (row.getDeletedAt() != null) {
            state.json("deleted", "true");
        }
        return state.text();
    }
}
