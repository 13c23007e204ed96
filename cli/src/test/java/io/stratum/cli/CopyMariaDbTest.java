package io.stratum.cli;

import static io.stratum.codegen.jooq.Tables.AGENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.Stratum;
import io.stratum.codegen.jooq.DefaultSchema;
import io.stratum.testkit.tck.ScratchDatabases;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jooq.JSONB;
import org.jooq.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stratum copy} to and from MariaDB: SQLite to MariaDB, MariaDB to PostgreSQL, PostgreSQL to MariaDB and
 * MariaDB back to SQLite, each copy verified by the per-table checksums, and the end result compared with the
 * source row by row.
 */
class CopyMariaDbTest {
    private final ScratchDatabases mariadb = ScratchDatabases.of("mariadb");
    private final ScratchDatabases postgres = ScratchDatabases.of("postgresql");

    @TempDir
    Path dir;

    @AfterEach
    void dropDatabases() {
        try {
            mariadb.close();
        } finally {
            postgres.close();
        }
    }

    @Test
    void sqliteToMariaDbAndBackKeepsEveryRowOfEveryTable() {
        String source = "jdbc:sqlite:" + dir.resolve("source.db");
        CopyPostgresTest.fill(source);
        String server = mariadb.freshUrl();

        CopyPostgresTest.copyInSmallBatches(source, server);

        String back = "jdbc:sqlite:" + dir.resolve("back.db");
        copyVerified(server, back);

        assertSameRows(source, back);
    }

    @Test
    void mariaDbToPostgresAndPostgresToMariaDbKeepEveryRowOfEveryTable() {
        String source = "jdbc:sqlite:" + dir.resolve("source.db");
        CopyPostgresTest.fill(source);
        String first = mariadb.freshUrl();
        String server = postgres.freshUrl();
        String second = mariadb.freshUrl();
        String back = "jdbc:sqlite:" + dir.resolve("back.db");

        copyVerified(source, first);
        copyVerified(first, server);
        copyVerified(server, second);
        copyVerified(second, back);

        assertSameRows(source, back);
    }

    @Test
    void aNonEmptyMariaDbTargetIsRefusedUnlessForced() {
        String source = "jdbc:sqlite:" + dir.resolve("source.db");
        CopyPostgresTest.fill(source);
        String server = mariadb.freshUrl();
        CopyPostgresTest.refusedUnlessForced(source, server);
    }

    /**
     * MariaDB's {@code UUID} type sorts time-based (version 1) UUIDs by their node and clock sequence first, so
     * such keys come back in a different order than from SQLite's text or PostgreSQL's {@code uuid}.
     */
    @Test
    void versionOneUuidKeysAreCopiedAndVerified() {
        String source = "jdbc:sqlite:" + dir.resolve("source.db");
        try (Stratum db = Stratum.open(source)) {
            db.migrate();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            for (String id : List.of(
                    "00000002-0000-1000-8000-000000000001",
                    "00000001-0000-1000-8000-000000000002",
                    "00000003-0000-4000-8000-000000000000")) {
                db.dsl()
                        .insertInto(AGENTS)
                        .set(AGENTS.ID, UUID.fromString(id))
                        .set(AGENTS.AGENT_TYPE, "coder")
                        .set(AGENTS.NAME, "coder-" + id)
                        .set(AGENTS.STATUS, "idle")
                        .set(AGENTS.CAPABILITIES, JSONB.valueOf("[]"))
                        .set(AGENTS.REGISTERED_AT, now)
                        .set(AGENTS.LAST_HEARTBEAT_AT, now)
                        .execute();
            }
        }
        String server = mariadb.freshUrl();
        CliRun there = CliRun.run("copy", "--from", source, "--to", server, "--batch", "2");
        assertThat(there.status()).as(there.toString()).isZero();
        assertThat(there.out()).doesNotContain("DIFFERENT");

        String back = "jdbc:sqlite:" + dir.resolve("back.db");
        copyVerified(server, back, 3);
        assertSameRows(source, back);
    }

    /** Copies with a batch smaller than the tables, and checks the report says every checksum matched. */
    private static void copyVerified(String from, String to) {
        copyVerified(from, to, 10); // 1 session, 1 agent, 3 tasks, 3 edges, 1 entry, 1 audit row
    }

    private static void copyVerified(String from, String to, long rows) {
        CliRun run = CliRun.run("copy", "--from", from, "--to", to, "--batch", "2", "--json");
        assertThat(run.status()).as(from + " -> " + to + ": " + run).isZero();
        JsonNode report = JsonOutput.parse(run.out());
        assertThat(report.get("verified").asBoolean())
                .as(from + " -> " + to + ": " + run)
                .isTrue();
        assertThat(report.get("rows").asLong()).isEqualTo(rows);
    }

    private static void assertSameRows(String expected, String actual) {
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            assertThat(CopyPostgresTest.rows(actual, table))
                    .as(table.getName())
                    .isEqualTo(CopyPostgresTest.rows(expected, table));
        }
    }
}
