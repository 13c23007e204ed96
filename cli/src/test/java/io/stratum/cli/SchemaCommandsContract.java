package io.stratum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.testkit.tck.ScratchDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** migrate, status and rollback on a new database per test; run on each backend by a thin subclass. */
abstract class SchemaCommandsContract {
    private ScratchDatabases databases;
    private String url;

    protected abstract ScratchDatabases databases();

    @BeforeEach
    void createDatabase() {
        databases = databases();
        url = databases.freshUrl();
    }

    @AfterEach
    void dropDatabase() {
        databases.close();
    }

    private CliRun stratum(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(String[]::new));
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private Set<String> tables() throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            Set<String> names = new java.util.TreeSet<>();
            try (java.sql.ResultSet rows =
                    c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE", "VIEW"})) {
                while (rows.next()) {
                    names.add(rows.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            return names;
        }
    }

    private JsonNode json(String... args) {
        CliRun run = stratum(args);
        assertThat(run.status()).as(run.toString()).isZero();
        return JsonOutput.parse(run.out());
    }

    @Test
    void statusOfANewDatabaseListsEveryChangesetAsPending() {
        JsonNode status = json("status", "--json");
        assertThat(status.get("applied").asInt()).isZero();
        assertThat(status.get("pending").asInt())
                .isEqualTo(status.get("changesets").size())
                .isPositive();

        CliRun text = stratum("status");
        assertThat(text.out()).contains("CHANGESET", "003-create-tasks", "pending", "run 'stratum migrate'");
    }

    @Test
    void migrateAppliesEveryChangesetOnceThenNothing() {
        int total = json("status", "--json").get("pending").asInt();

        CliRun first = stratum("migrate");
        assertThat(first.status()).as(first.toString()).isZero();
        assertThat(first.out()).startsWith("Applied " + total + " changeset(s): " + total + " of " + total);
        assertThat(first.err()).isEmpty();

        JsonNode again = json("migrate", "--json");
        assertThat(again.get("newlyApplied").asInt()).isZero();
        assertThat(again.get("pending").asInt()).isZero();
        assertThat(stratum("status").out()).doesNotContainPattern("pending\\R").contains(total + " of " + total);
    }

    @Test
    void rollbackByCountAndToTagThenMigrateRestoresEverything() {
        json("migrate", "--json");
        int total = json("status", "--json").get("applied").asInt();

        JsonNode rolledBack = json("rollback", "--count", "3", "--force", "--json");
        assertThat(rolledBack.get("rolledBack").asInt()).isEqualTo(3);
        assertThat(rolledBack.get("pending").asInt()).isEqualTo(3);
        assertThat(json("migrate", "--json").get("newlyApplied").asInt()).isEqualTo(3);

        CliRun toTag = stratum("rollback", "--to-tag", "v1", "--force");
        assertThat(toTag.status()).as(toTag.toString()).isZero();
        List<JsonNode> changesets = new ArrayList<>();
        json("status", "--json").get("changesets").forEach(changesets::add);
        int tag = changesets.stream().map(c -> c.get("id").asText()).toList().indexOf("v1-tag");
        // The changeset that set the tag stays applied, and with it the tag: the schema is as it was at v1.
        assertThat(changesets.subList(0, tag + 1))
                .allMatch(c -> c.get("applied").asBoolean());
        assertThat(changesets.subList(tag + 1, changesets.size()))
                .noneMatch(c -> c.get("applied").asBoolean());
        assertThat(json("rollback", "--to-tag", "v1", "--json")
                        .get("rolledBack")
                        .asInt())
                .isZero();

        json("migrate", "--json");
        assertThat(json("status", "--json").get("applied").asInt()).isEqualTo(total);
    }

    @Test
    void rollbackToATagKeepsTheChangesetThatSetIt() {
        json("migrate", "--json");

        JsonNode toLatest = json("rollback", "--to-tag", "v4", "--json");
        assertThat(toLatest.get("rolledBack").asInt()).isZero();
        assertThat(toLatest.get("pending").asInt()).isZero();
    }

    @Test
    void aRollbackThatDropsTablesNeedsForce() {
        json("migrate", "--json");
        int total = json("status", "--json").get("applied").asInt();

        CliRun refused = stratum("rollback", "--count", "999");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err())
                .as(refused.toString())
                .hasLineCount(1)
                .contains(total + " changeset(s)", "tasks", "sessions", "audit_log", "--force");
        assertThat(json("status", "--json").get("applied").asInt()).isEqualTo(total);

        // The last changeset only sets a tag: nothing to lose, no --force needed.
        assertThat(json("rollback", "--count", "1", "--json").get("rolledBack").asInt())
                .isEqualTo(1);

        JsonNode forced = json("rollback", "--count", "999", "--force", "--json");
        assertThat(forced.get("rolledBack").asInt()).isEqualTo(total - 1);
        assertThat(forced.get("applied").asInt()).isZero();
    }

    @Test
    void rollbackNeedsExactlyOneOfCountAndTag() {
        CliRun neither = stratum("rollback");
        assertThat(neither.status()).isEqualTo(2);
        assertThat(neither.err()).contains("Missing required argument", "Try 'stratum rollback --help'");

        CliRun both = stratum("rollback", "--count", "1", "--to-tag", "v1");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void aDatabaseWithAForeignTasksTableIsNeitherUsedNorMigrated() throws SQLException {
        sql(
                "CREATE TABLE tasks (id INTEGER PRIMARY KEY, title VARCHAR(100))",
                "INSERT INTO tasks VALUES (1, 'theirs')");

        // Not "run 'stratum migrate'", which would refuse: the reason it would, and what to do instead.
        for (String command : List.of("list", "stats", "top")) {
            CliRun run = stratum(command);
            assertThat(run.status()).as(run.toString()).isEqualTo(9);
            assertThat(run.err())
                    .as(run.toString())
                    .hasLineCount(1)
                    .contains("table(s) tasks that are not Stratum's", "use a database (or schema) of Stratum's own")
                    .doesNotContain("run 'stratum migrate'");
        }
        CliRun status = stratum("status");
        assertThat(status.status()).as(status.toString()).isZero();
        assertThat(status.out())
                .contains("table(s) tasks that are not Stratum's")
                .doesNotContain("run 'stratum migrate'");
        assertThat(json("status", "--json").get("clashes").get(0).asText()).isEqualTo("tasks");
        assertThat(tables()).containsExactly("tasks");

        CliRun migrate = stratum("migrate");
        assertThat(migrate.status()).as(migrate.toString()).isEqualTo(9);
        assertThat(migrate.err()).as(migrate.toString()).hasLineCount(1).contains("tasks", "nothing was changed");
        assertThat(migrate.out()).isEmpty();
        assertThat(tables()).containsExactly("tasks");
    }

    @Test
    void aMigrationThatFailsPartWayRollsBackWhatItApplied() throws SQLException {
        // Not a table name, so it passes the name check: the changeset creating this index fails after the
        // sessions and agents tables were created. MariaDB names indexes per table, so there the clash is a
        // foreign key's name (InnoDB's are per database), and the changeset creating the tasks table fails.
        boolean mariadb = url.startsWith("jdbc:mariadb:");
        if (mariadb) {
            sql("CREATE TABLE other (id INTEGER PRIMARY KEY, p INTEGER,"
                    + " CONSTRAINT fk_tasks_session FOREIGN KEY (p) REFERENCES other (id))");
        } else {
            sql("CREATE TABLE other (id INTEGER PRIMARY KEY)", "CREATE INDEX ix_agents_heartbeat ON other (id)");
        }

        CliRun migrate = stratum("migrate");
        assertThat(migrate.status()).as(migrate.toString()).isEqualTo(9);
        assertThat(migrate.err())
                .as(migrate.toString())
                .hasLineCount(1)
                .contains(
                        mariadb
                                ? List.of("tasks", "Duplicate key", "rolled back")
                                : List.of("ix_agents_heartbeat", "already exists", "rolled back"));
        assertThat(tables()).containsExactly("other");
    }

    @Test
    void commandsOtherThanMigrateDoNotReapplyRolledBackChangesets() {
        json("migrate", "--json");
        json("rollback", "--count", "1", "--json");

        CliRun list = stratum("list");
        assertThat(list.status()).as(list.toString()).isEqualTo(9);
        assertThat(list.err()).as(list.toString()).hasLineCount(1).contains("1 of", "pending", "run 'stratum migrate'");
        assertThat(json("status", "--json").get("pending").asInt()).isEqualTo(1);
    }

    @Test
    void dataCommandsMigrateANewDatabaseOnFirstUse() {
        CliRun list = stratum("list");
        assertThat(list.status()).as(list.toString()).isZero();
        assertThat(list.out()).isEqualTo("No tasks match.\n");
        assertThat(json("status", "--json").get("pending").asInt()).isZero();
    }
}
