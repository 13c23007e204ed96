package io.stratum.reliability;

import static io.stratum.codegen.jooq.Tables.AGENTS;
import static io.stratum.codegen.jooq.Tables.AUDIT_LOG;
import static io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES;
import static io.stratum.codegen.jooq.Tables.SESSIONS;
import static io.stratum.codegen.jooq.Tables.SESSION_EVENTS;
import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Json;
import io.stratum.Stratum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Check queries run after each hostile operation: row counts, referential integrity, and SQLite's own check. */
final class Consistency {
    private static final Table<?>[] TABLES = {
        TASKS, TASK_DEPENDENCIES, SESSIONS, SESSION_EVENTS, AGENTS, MEMORY_ENTRIES, AUDIT_LOG
    };

    private Consistency() {}

    /** Row count of every Stratum table, in a fixed order, read in one statement. */
    static Map<String, Integer> counts(Stratum db) {
        DSLContext dsl = db.dsl();
        List<Field<Integer>> fields = new ArrayList<>();
        for (Table<?> table : TABLES) {
            fields.add(DSL.field(DSL.selectCount().from(table)).as(table.getName()));
        }
        Record row = dsl.select(fields).fetchSingle();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Field<Integer> field : fields) {
            counts.put(field.getName(), row.get(field));
        }
        return counts;
    }

    /** Fails unless every dependency names two stored tasks and every event a stored session. */
    static void assertReferencesIntact(Stratum db) {
        DSLContext dsl = db.dsl();
        assertThat(dsl.fetchCount(
                        TASK_DEPENDENCIES,
                        TASK_DEPENDENCIES
                                .TASK_ID
                                .notIn(dsl.select(TASKS.ID).from(TASKS))
                                .or(TASK_DEPENDENCIES.DEPENDS_ON_ID.notIn(
                                        dsl.select(TASKS.ID).from(TASKS)))))
                .as("dependencies without both tasks")
                .isZero();
        assertThat(dsl.fetchCount(
                        SESSION_EVENTS,
                        SESSION_EVENTS.SESSION_ID.notIn(dsl.select(SESSIONS.ID).from(SESSIONS))))
                .as("events without a session")
                .isZero();
    }

    /**
     * The document read back equals the one written: the same text, or on PostgreSQL, whose jsonb keeps values
     * and not spelling ({@code -0} reads back as {@code 0}), an equal jsonb value.
     */
    static void assertSameJson(Stratum db, Json written, Json read) {
        if (written == null || read == null || written.equals(read) || !isPostgres(db)) {
            assertThat(read).isEqualTo(written);
            return;
        }
        assertThat(db.dsl()
                        .fetchValue(DSL.field(
                                "cast({0} as jsonb) = cast({1} as jsonb)",
                                Boolean.class, DSL.val(written.text()), DSL.val(read.text()))))
                .as(written + " read back as " + read)
                .isTrue();
    }

    private static boolean isPostgres(Stratum db) {
        return db.backendName().toLowerCase(java.util.Locale.ROOT).startsWith("postgres");
    }

    /** {@code PRAGMA integrity_check} on SQLite; nothing to do on PostgreSQL. */
    static void assertSqliteIntegrity(Stratum db) {
        if (db.backendName().toLowerCase(java.util.Locale.ROOT).contains("sqlite")) {
            assertThat(db.dsl().fetchValue("PRAGMA integrity_check")).isEqualTo("ok");
        }
    }
}
