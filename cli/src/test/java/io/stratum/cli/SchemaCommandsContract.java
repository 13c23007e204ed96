package io.stratum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.testkit.tck.ScratchDatabases;
import java.util.ArrayList;
import java.util.List;
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

    private JsonNode json(String... args) {
        CliRun run = stratum(args);
        assertThat(run.status()).as(run.toString()).isZero();
        return JsonOutput.parse(run.out());
    }

    @Test
    void statusOfANewDatabaseListsEveryChangesetAsPending() {
        JsonNode status = json("status", "--json");
        assertThat(status.get("applied").asInt()).isZero();
        assertThat(status.get("pending").asInt()).isEqualTo(status.get("changesets").size()).isPositive();

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
        assertThat(stratum("status").out()).doesNotContain("pending").contains(total + " of " + total);
    }

    @Test
    void rollbackByCountAndToTagThenMigrateRestoresEverything() {
        json("migrate", "--json");
        int total = json("status", "--json").get("applied").asInt();

        JsonNode rolledBack = json("rollback", "--count", "3", "--json");
        assertThat(rolledBack.get("rolledBack").asInt()).isEqualTo(3);
        assertThat(rolledBack.get("pending").asInt()).isEqualTo(3);
        assertThat(json("migrate", "--json").get("newlyApplied").asInt()).isEqualTo(3);

        CliRun toTag = stratum("rollback", "--to-tag", "v1");
        assertThat(toTag.status()).as(toTag.toString()).isZero();
        List<JsonNode> changesets = new ArrayList<>();
        json("status", "--json").get("changesets").forEach(changesets::add);
        int tag = changesets.stream().map(c -> c.get("id").asText()).toList().indexOf("v1-tag");
        // Whether the tagging changeset itself stays applied is Liquibase's business; what precedes it stays.
        assertThat(changesets.subList(0, tag)).allMatch(c -> c.get("applied").asBoolean());
        assertThat(changesets.subList(tag + 1, changesets.size())).noneMatch(c -> c.get("applied").asBoolean());

        json("migrate", "--json");
        assertThat(json("status", "--json").get("applied").asInt()).isEqualTo(total);
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
    void dataCommandsMigrateANewDatabaseOnFirstUse() {
        CliRun list = stratum("list");
        assertThat(list.status()).as(list.toString()).isZero();
        assertThat(list.out()).isEqualTo("No tasks match.\n");
        assertThat(json("status", "--json").get("pending").asInt()).isZero();
    }
}
