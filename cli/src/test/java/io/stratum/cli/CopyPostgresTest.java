package io.stratum.cli;

import static io.stratum.codegen.jooq.Tables.AGENTS;
import static io.stratum.codegen.jooq.Tables.AUDIT_LOG;
import static io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES;
import static io.stratum.codegen.jooq.Tables.SESSIONS;
import static io.stratum.codegen.jooq.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.Json;
import io.stratum.Stratum;
import io.stratum.codegen.jooq.DefaultSchema;
import io.stratum.session.SessionId;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import io.stratum.testkit.tck.ScratchDatabases;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stratum copy} from SQLite to PostgreSQL and back: every table, every value, verified. */
class CopyPostgresTest {
    /** Whitespace, key order, a trailing zero and an exponent: all things jsonb rewrites. */
    private static final String ODD_JSON = "{\"z\": 1,   \"a\": {\"y\": [1, 2.50, 1e2]}, \"a2\": \"\\u0041\"}";

    private final ScratchDatabases postgres = ScratchDatabases.of("postgresql");

    @TempDir
    Path dir;

    @AfterEach
    void dropDatabases() {
        postgres.close();
    }

    @Test
    void sqliteToPostgresAndBackKeepsEveryRowOfEveryTable() {
        String source = "jdbc:sqlite:" + dir.resolve("source.db");
        fill(source);
        String server = postgres.freshUrl();

        copyInSmallBatches(source, server);

        String back = "jdbc:sqlite:" + dir.resolve("back.db");
        CliRun home = CliRun.run("copy", "--from", server, "--to", back, "--json");
        assertThat(home.status()).as(home.toString()).isZero();
        JsonNode report = JsonOutput.parse(home.out());
        assertThat(report.get("verified").asBoolean()).isTrue();
        assertThat(report.get("rows").asLong())
                .isEqualTo(10); // 1 session, 1 agent, 3 tasks, 3 edges, 1 entry, 1 audit row

        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            assertThat(rows(back, table)).as(table.getName()).isEqualTo(rows(source, table));
        }
    }

    @Test
    void aNonEmptyTargetIsRefusedUnlessForced() {
        String source = "jdbc:sqlite:" + dir.resolve("source.db");
        fill(source);
        String server = postgres.freshUrl();
        refusedUnlessForced(source, server);
    }

    /** One or more rows in every table; a task whose parent was written after it; JSON jsonb will rewrite. */
    static void fill(String url) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try (Stratum db = Stratum.open(url)) {
            db.migrate();
            UUID session = UUID.randomUUID();
            db.dsl()
                    .insertInto(SESSIONS)
                    .set(SESSIONS.ID, session)
                    .set(SESSIONS.NAME, "copy test")
                    .set(SESSIONS.STATUS, "active")
                    .set(SESSIONS.METADATA, JSONB.valueOf(ODD_JSON))
                    .set(SESSIONS.STARTED_AT, now)
                    .execute();
            db.dsl()
                    .insertInto(AGENTS)
                    .set(AGENTS.ID, UUID.randomUUID())
                    .set(AGENTS.AGENT_TYPE, "coder")
                    .set(AGENTS.NAME, "coder-1")
                    .set(AGENTS.STATUS, "idle")
                    .set(AGENTS.CAPABILITIES, JSONB.valueOf("[\"java\",  \"sql\"]"))
                    .set(AGENTS.REGISTERED_AT, now)
                    .set(AGENTS.LAST_HEARTBEAT_AT, now.plusNanos(1_000))
                    .execute();
            TaskId plan = db.tasks()
                    .submit(NewTask.builder("plan", "planner")
                            .sessionId(SessionId.of(session))
                            .inputData(Json.of(ODD_JSON))
                            .deadline(now.plusDays(1))
                            .build());
            TaskId code = db.tasks()
                    .submit(NewTask.builder("code", "coder")
                            .parentTaskId(plan)
                            .dependsOn(plan)
                            .build());
            TaskId review = db.tasks()
                    .submit(NewTask.builder("review", "reviewer")
                            .dependsOn(plan, code)
                            .build());
            db.tasks().update(db.tasks().require(plan).toBuilder().priority(9).build());
            db.dsl()
                    .update(TASKS)
                    .set(TASKS.PARENT_TASK_ID, review.value())
                    .where(TASKS.ID.eq(plan.value()))
                    .execute();
            db.dsl()
                    .insertInto(MEMORY_ENTRIES)
                    .set(MEMORY_ENTRIES.ID, UUID.randomUUID())
                    .set(MEMORY_ENTRIES.NAMESPACE, "project")
                    .set(MEMORY_ENTRIES.KEY, "spec")
                    .set(MEMORY_ENTRIES.VALUE, JSONB.valueOf(ODD_JSON))
                    .set(MEMORY_ENTRIES.VERSION, 1L)
                    .set(MEMORY_ENTRIES.CREATED_AT, now)
                    .set(MEMORY_ENTRIES.UPDATED_AT, now)
                    .execute();
            db.dsl()
                    .insertInto(AUDIT_LOG)
                    .set(AUDIT_LOG.ID, UUID.randomUUID())
                    .set(AUDIT_LOG.ACTION, "update")
                    .set(AUDIT_LOG.ENTITY_TYPE, "task")
                    .set(AUDIT_LOG.ENTITY_ID, plan.toString())
                    .set(AUDIT_LOG.BEFORE_DATA, JSONB.valueOf("{\"priority\": 5}"))
                    .set(AUDIT_LOG.AFTER_DATA, JSONB.valueOf("{\"priority\":9}"))
                    .set(AUDIT_LOG.AT, now)
                    .execute();
        }
    }

    /** Every row of {@code table} by primary key, JSON compared by value and times by instant. */
    static List<Map<String, Object>> rows(String url, Table<?> table) {
        try (Stratum db = Stratum.open(url)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Record record : db.dsl()
                    .selectFrom(table)
                    .orderBy(table.getPrimaryKey().getFields())
                    .fetch()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < record.size(); i++) {
                    row.put(record.field(i).getName(), comparable(record.get(i)));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static Object comparable(Object value) {
        return switch (value) {
            case JSONB json -> new SemanticJson(JsonOutput.parse(json.data()));
            case OffsetDateTime time -> time.toInstant();
            case null, default -> value;
        };
    }

    /** JSON equal when its values are: numbers by decimal value, objects regardless of key order. */
    private record SemanticJson(JsonNode node) {
        private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) ->
                a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

        @Override
        public boolean equals(Object other) {
            return other instanceof SemanticJson o && node.equals(NUMBERS_BY_VALUE, o.node);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** Copies {@code from} to {@code to} two rows per batch and checks the per-table report: every table the same. */
    static void copyInSmallBatches(String from, String to) {
        CliRun there = CliRun.run("copy", "--from", from, "--to", to, "--batch", "2");
        assertThat(there.status()).as(there.toString()).isZero();
        assertThat(there.out())
                .contains(
                        "TABLE",
                        "tasks",
                        "task_dependencies",
                        "sessions",
                        "agents",
                        "memory_entries",
                        "audit_log",
                        "same")
                .doesNotContain("DIFFERENT");
        assertThat(there.err()).contains("rows (100%)");
    }

    /** A second copy into the filled {@code server} is refused, naming the tables; with --force it replaces them. */
    static void refusedUnlessForced(String source, String server) {
        assertThat(CliRun.run("copy", "--from", source, "--to", server).status())
                .isZero();

        CliRun refused = CliRun.run("copy", "--from", source, "--to", server);
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err())
                .startsWith("stratum: --to: " + server + " already has rows in ")
                .contains("tasks")
                .endsWith("; pass --force to delete them first\n");

        CliRun forced = CliRun.run("copy", "--from", source, "--to", server, "--force");
        assertThat(forced.status()).as(forced.toString()).isZero();
        try (Stratum db = Stratum.open(server)) {
            assertThat(db.dsl().fetchCount(TASKS)).isEqualTo(3);
        }
    }
}
