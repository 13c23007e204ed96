package io.stratum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * submit, list and show on one migrated database per class (each test uses an agent type of its own); run on
 * each backend by a thin subclass.
 */
abstract class TaskCommandsContract extends CommandContract {

    static String uniqueAgent() {
        return "agent-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void submitStoresEveryGivenFieldAndPrintsTheId() {
        String agent = uniqueAgent();
        CliRun run = stratum(
                "submit",
                "Plan the feature",
                "--agent",
                agent,
                "-p",
                "7",
                "--description",
                "all of it",
                "--input",
                "{\"spec\": \"docs/feature.md\", \"n\": [1, 2.50]}",
                "--max-retries",
                "5",
                "--feature-branch",
                "feature/login",
                "--idempotency-key",
                "plan-" + agent);
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).matches("Submitted [0-9a-f-]{36} \\(ready\\)\\.\n");
        String id = run.out().substring("Submitted ".length(), "Submitted ".length() + 36);

        JsonNode task = json("show", id, "--json");
        assertThat(task.get("summary").asText()).isEqualTo("Plan the feature");
        assertThat(task.get("agentType").asText()).isEqualTo(agent);
        assertThat(task.get("priority").asInt()).isEqualTo(7);
        assertThat(task.get("description").asText()).isEqualTo("all of it");
        assertThat(task.get("inputData"))
                .isEqualTo(JsonOutput.parse("{\"n\": [1, 2.50], \"spec\": \"docs/feature.md\"}"));
        assertThat(task.get("maxRetries").asInt()).isEqualTo(5);
        assertThat(task.get("featureBranch").asText()).isEqualTo("feature/login");
        assertThat(task.get("status").asText()).isEqualTo("ready");

        CliRun again = stratum("submit", "Plan the feature", "--agent", agent, "--idempotency-key", "plan-" + agent);
        assertThat(again.out()).contains(id);
    }

    @Test
    void showListsDependenciesAndDependents() {
        String agent = uniqueAgent();
        String plan =
                json("submit", "Plan", "--agent", agent, "--json").get("id").asText();
        JsonNode code = json("submit", "Implement", "--agent", agent, "--depends-on", plan, "--json");
        assertThat(code.get("status").asText()).isEqualTo("pending");
        assertThat(code.get("dependencyDepth").asInt()).isEqualTo(1);
        String codeId = code.get("id").asText();

        CliRun showCode = stratum("show", codeId);
        assertThat(showCode.status()).as(showCode.toString()).isZero();
        assertThat(showCode.out())
                .containsPattern("summary +Implement\n")
                .contains("Depends on (1):", plan, "Dependents: none")
                .doesNotContain("started", "parent");

        JsonNode showPlan = json("show", plan, "--json");
        assertThat(showPlan.get("dependencies")).isEmpty();
        assertThat(showPlan.get("dependents")).hasSize(1);
        assertThat(showPlan.get("dependents").get(0).get("id").asText()).isEqualTo(codeId);
        assertThat(showPlan.get("dependents").get(0).get("status").asText()).isEqualTo("pending");
    }

    @Test
    void listFiltersByStatusAndAgentAndPages() {
        String agent = uniqueAgent();
        String first = json("submit", "First", "--agent", agent, "-p", "9", "--json")
                .get("id")
                .asText();
        json("submit", "Second", "--agent", agent, "-p", "1", "--depends-on", first, "--json");

        JsonNode all = json("list", "--agent", agent, "--json");
        assertThat(all.get("total").asInt()).isEqualTo(2);
        assertThat(all.get("tasks").get(0).get("summary").asText()).isEqualTo("First");

        JsonNode ready = json("list", "--agent", agent, "--status", "READY", "--json");
        assertThat(ready.get("total").asInt()).isEqualTo(1);
        assertThat(ready.get("tasks").get(0).get("id").asText()).isEqualTo(first);

        CliRun firstPage = stratum("list", "--agent", agent, "--limit", "1");
        assertThat(firstPage.out())
                .contains("First", "Showing 1 of 2 matching tasks.")
                .doesNotContain("Second");
        List<String> firstLines = firstPage.out().lines().toList();
        String cursor = firstLines.getLast().substring("More tasks follow: --after ".length());
        CliRun page = stratum("list", "--agent", agent, "--limit", "1", "--after", cursor);
        String[] lines = page.out().split("\n");
        assertThat(lines[0]).matches("ID +STATUS +PRI +AGENT +DEPTH +SUBMITTED +SUMMARY");
        assertThat(lines[1]).contains("pending", agent, "Second");
        assertThat(lines[1].indexOf("pending")).isEqualTo(lines[0].indexOf("STATUS"));
        assertThat(lines).hasSize(2);

        JsonNode jsonPage = json("list", "--agent", agent, "--limit", "1", "--json");
        assertThat(jsonPage.get("nextCursor").asText()).isEqualTo(cursor);
        assertThat(json("list", "--agent", agent, "--limit", "1", "--after", cursor, "--json")
                        .get("nextCursor")
                        .isNull())
                .isTrue();
        CliRun bogus = stratum("list", "--after", "not a cursor");
        assertThat(bogus.status()).isNotZero();
        assertThat(bogus.err()).contains("cursor");
    }

    @Test
    void unknownIdIsNotFoundWithOneLineAndExitStatus3() {
        String id = UUID.randomUUID().toString();
        CliRun run = stratum("show", id);
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("stratum: task " + id + " not found\n");
    }

    @Test
    void malformedIdIsAUsageError() {
        CliRun run = stratum("show", "not-an-id");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("stratum: Invalid value for positional parameter at index 0 (ID): "
                        + "'not-an-id' is not a task id (a UUID). Try 'stratum show --help'.\n");
    }

    @Test
    void invalidTasksAreRefusedBeforeAnythingIsWritten() {
        String agent = uniqueAgent();
        CliRun priority = stratum("submit", "Too urgent", "--agent", agent, "-p", "11");
        assertThat(priority.status()).isEqualTo(2);
        assertThat(priority.err()).isEqualTo("stratum: priority: 11 is outside 0..10\n");

        CliRun unknownDependency = stratum(
                "submit",
                "Orphan",
                "--agent",
                agent,
                "--depends-on",
                UUID.randomUUID().toString());
        assertThat(unknownDependency.status()).isEqualTo(2);
        assertThat(unknownDependency.err()).startsWith("stratum: dependsOn: unknown task(s): ");

        CliRun badJson = stratum("submit", "Bad input", "--agent", agent, "--input", "{oops}");
        assertThat(badJson.status()).isEqualTo(2);
        assertThat(badJson.err()).startsWith("stratum: Invalid value for option '--input': not valid JSON");

        CliRun noAgent = stratum("submit", "Nobody runs this");
        assertThat(noAgent.status()).isEqualTo(2);
        assertThat(noAgent.err()).contains("give SUMMARY and --agent TYPE");

        assertThat(json("list", "--agent", agent, "--json").get("total").asInt())
                .isZero();
    }

    /** What a submitter could store to act on an operator's terminal: CSI and OSC sequences, BEL, CR/LF, C1, DEL. */
    static final String HOSTILE = "esc \033[2J\033[31mRED\r\nnext line\ttab \033]0;pwned\007 csi\u009b2J del\u007f";

    /** Every control character a command printed for people: none may reach the terminal but a line break. */
    static void assertNoControlCharacters(CliRun run) {
        assertThat(run.out().chars().filter(c -> c != '\n').filter(c -> c < 0x20 || c >= 0x7f && c <= 0x9f))
                .as(run.toString())
                .isEmpty();
    }

    @Test
    void storedControlCharactersPrintAsEscapesInTablesAndAsThemselvesInJson() {
        String agent = uniqueAgent() + "\033[31mX";
        JsonNode submitted = json(
                "submit",
                HOSTILE,
                "--agent",
                agent,
                "-p",
                "10",
                "--description",
                "d\033[2Je\nf",
                "--created-by",
                "\033]0;t\007",
                "--json");
        assertThat(submitted.get("summary").asText()).isEqualTo(HOSTILE);
        assertThat(submitted.get("agentType").asText()).isEqualTo(agent);
        String id = submitted.get("id").asText();
        String shown = "esc \\e[2J\\e[31mRED\\r\\nnext line\\ttab \\e]0;pwned\\x07 csi\\u009b2J del\\x7f";

        CliRun list = stratum("list", "--agent", agent);
        assertThat(list.status()).as(list.toString()).isZero();
        assertNoControlCharacters(list);
        assertThat(list.out()).hasLineCount(2).contains(shown, "\\e[31mX");

        CliRun show = stratum("show", id);
        assertThat(show.status()).as(show.toString()).isZero();
        assertNoControlCharacters(show);
        assertThat(show.out()).contains(shown, "d\\e[2Je\\nf", "\\e]0;t\\x07");

        for (String command : List.of("stats", "top")) {
            CliRun run = command.equals("top") ? stratum("top", "-n", "1") : stratum(command);
            assertThat(run.status()).as(run.toString()).isZero();
            assertNoControlCharacters(run);
            assertThat(run.out()).as(command).contains(agent.replace("\033", "\\e"));
        }

        CliRun claim = stratum("claim", "--worker", "w\033[2J", "-n", "1");
        assertThat(claim.status()).as(claim.toString()).isZero();
        assertNoControlCharacters(claim);
        assertThat(claim.out()).hasLineCount(2).contains(shown);
        CliRun stats = stratum("stats");
        assertNoControlCharacters(stats);
        assertThat(stats.out()).contains("w\\e[2J");

        // JSON escapes what it must (C0, as \\u001B and \\n) and parses back to the stored text.
        CliRun asJson = stratum("list", "--agent", agent, "--json");
        assertThat(asJson.out().chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
        assertThat(JsonOutput.parse(asJson.out())
                        .get("tasks")
                        .get(0)
                        .get("summary")
                        .asText())
                .isEqualTo(HOSTILE);
    }
}
