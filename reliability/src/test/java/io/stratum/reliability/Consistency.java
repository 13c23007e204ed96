package io.stratum.reliability;

import static io.stratum.codegen.jooq.Tables.AGENTS;
import static io.stratum.codegen.jooq.Tables.AUDIT_LOG;
import static io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES;
import static io.stratum.codegen.jooq.Tables.SESSIONS;
import static io.stratum.codegen.jooq.Tables.SESSION_EVENTS;
import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Stratum;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Table;

/** Check queries run after each hostile operation: row counts, referential integrity, and SQLite's own check. */
final class Consistency {
    private static final Table<?>[] TABLES = {TASKS, TASK_DEPENDENCIES, SESSIONS, SESSION_EVENTS, AGENTS,
            MEMORY_ENTRIES, AUDIT_LOG};

    private Consistency() {
    }

    /** Row count of every Stratum table, in a fixed order. */
    static Map<String, Integer> counts(Stratum db) {
        DSLContext dsl = db.dsl();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Table<?> table : TABLES) {
            counts.put(table.getName(), dsl.fetchCount(table));
        }
        return counts;
    }

    /** Fails unless every dependency names two stored tasks and every event a stored session. */
    static void assertReferencesIntact(Stratum db) {
        DSLContext dsl = db.dsl();
        assertThat(dsl.fetchCount(TASK_DEPENDENCIES, TASK_DEPENDENCIES.TASK_ID.notIn(
                dsl.select(TASKS.ID).from(TASKS)).or(TASK_DEPENDENCIES.DEPENDS_ON_ID.notIn(
                dsl.select(TASKS.ID).from(TASKS))))).as("dependencies without both tasks").isZero();
        assertThat(dsl.fetchCount(SESSION_EVENTS, SESSION_EVENTS.SESSION_ID.notIn(
                dsl.select(SESSIONS.ID).from(SESSIONS)))).as("events without a session").isZero();
    }

    /** {@code PRAGMA integrity_check} on SQLite; nothing to do on PostgreSQL. */
    static void assertSqliteIntegrity(Stratum db) {
        if (db.backendName().toLowerCase(java.util.Locale.ROOT).contains("sqlite")) {
            assertThat(db.dsl().fetchValue("PRAGMA integrity_check")).isEqualTo("ok");
        }
    }
}
