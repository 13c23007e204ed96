package io.stratum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * submit --file, claim, complete, fail, cancel and retry on one migrated database per class; every test works on
 * tasks of an agent type of its own, and claims only after checking that its task is the only one ready.
 */
abstract class QueueCommandsContract extends CommandContract {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Submits the file and returns each task's id by name. */
    private Map<String, String> submitFile(Path file) {
        Map<String, String> ids = new HashMap<>();
        json("submit", "--file", file.toString(), "--json")
                .forEach(t -> ids.put(t.get("name").asText(), t.get("id").asText()));
        return ids;
    }

    /** Claims everything that is ready (the tests drain the queue they fill) and returns the leases by task id. */
    private Map<String, String> claimAll() {
        Map<String, String> tokens = new HashMap<>();
        json("claim", "--worker", "tester-1", "-n", "100", "--json")
                .forEach(c -> tokens.put(
                        c.get("lease").get("taskId").asText(),
                        c.get("lease").get("token").asText()));
        return tokens;
    }

    @Test
    void aYamlFileIsSubmittedInOneBatchWithDependenciesByName() throws IOException {
        String agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        Path tasks = file("tasks.yaml", """
                tasks:
                  - name: design
                    summary: Design the login flow
                    agentType: %1$s
                    priority: 8
                    inputData: {spec: docs/login.md, sizes: [1, 2.50]}
                  - name: e2e
                    summary: End-to-end test of login
                    agentType: %1$s
                    dependsOn: [api, ui]
                  - {name: api, summary: Implement the login API, agentType: %1$s, dependsOn: [design]}
                  - {name: ui, summary: Build the login form, agentType: %1$s, dependsOn: design, parent: design}
                """.formatted(agent));
        CliRun text = stratum("submit", "--file", tasks.toString());
        assertThat(text.status()).as(text.toString()).isZero();
        assertThat(text.out())
                .contains("NAME", "design", "ready", "e2e", "pending", "Submitted 4 task(s) from " + tasks);

        JsonNode listed = json("list", "--agent", agent, "--json");
        assertThat(listed.get("total").asInt()).isEqualTo(4);
        JsonNode e2e = null;
        for (JsonNode t : listed.get("tasks")) {
            if (t.get("summary").asText().startsWith("End-to-end")) {
                e2e = t;
            }
        }
        assertThat(e2e.get("dependencyDepth").asInt()).isEqualTo(2);
        assertThat(e2e.get("dependencies")).hasSize(2);
    }

    @Test
    void claimCompleteAndFailThroughTheLeaseToken() throws IOException {
        Map<String, String> ids = submitFile(file("pair.json", """
                [{"name": "first", "summary": "First", "agentType": "pair", "maxRetries": 0},
                 {"name": "second", "summary": "Second", "agentType": "pair", "dependsOn": ["first"]}]
                """));
        Map<String, String> tokens = claimAll();
        assertThat(tokens).containsKey(ids.get("first")).doesNotContainKey(ids.get("second"));
        String first = ids.get("first");

        CliRun wrong = stratum("complete", first, "--token", UUID.randomUUID().toString());
        assertThat(wrong.status()).isEqualTo(4);
        assertThat(wrong.err())
                .startsWith("stratum: lease on task " + first + " is no longer held")
                .hasLineCount(1);

        CliRun done = stratum("complete", first, "--token", tokens.get(first), "--result", "{\"pr\": 17}");
        assertThat(done.status()).as(done.toString()).isZero();
        assertThat(done.out()).isEqualTo("Completed " + first + "; ready now: 1 dependent(s).\n");
        assertThat(json("show", first, "--json").get("resultData").get("pr").asInt())
                .isEqualTo(17);

        CliRun again = stratum("complete", first, "--token", tokens.get(first));
        assertThat(again.status()).isEqualTo(4);
        assertThat(again.err()).contains("holds no lease");

        String second = ids.get("second");
        Map<String, String> next = claimAll();
        CliRun failed = stratum("fail", second, "--token", next.get(second), "--error", "tool call timed out");
        assertThat(failed.status()).as(failed.toString()).isZero();
        assertThat(failed.out()).startsWith("Failed attempt of " + second + ": retry 1 of 3 after ");
        JsonNode retried = json("show", second, "--json");
        assertThat(retried.get("status").asText()).isEqualTo("ready");
        assertThat(retried.get("errorMessage").asText()).isEqualTo("tool call timed out");
    }

    @Test
    void aTaskThatFailsForGoodBlocksItsDependentsUntilRetried() throws IOException {
        Map<String, String> ids = submitFile(file("fragile.yaml", """
                - {name: fragile, summary: Fragile step, agentType: fragile, maxRetries: 0}
                - {name: after, summary: After it, agentType: fragile, dependsOn: [fragile]}
                """));
        String fragile = ids.get("fragile");
        CliRun failed = stratum("fail", fragile, "--token", claimAll().get(fragile));
        assertThat(failed.out()).startsWith("Failed " + fragile + " for good");
        assertThat(json("show", ids.get("after"), "--json").get("status").asText())
                .isEqualTo("blocked");

        CliRun retry = stratum("retry", fragile);
        assertThat(retry.status()).as(retry.toString()).isZero();
        assertThat(retry.out()).isEqualTo("Retrying " + fragile + ": ready.\n");
        assertThat(json("show", ids.get("after"), "--json").get("status").asText())
                .isEqualTo("pending");

        CliRun notFailed = stratum("retry", ids.get("after"));
        assertThat(notFailed.status()).isEqualTo(4);
        assertThat(notFailed.err()).startsWith("stratum: ").hasLineCount(1);
        claimAll(); // leave nothing ready for the other tests
    }

    @Test
    void cancelTakesEveryDependentWithIt() throws IOException {
        Map<String, String> ids = submitFile(file("chain.yaml", """
                tasks:
                  - {name: a, summary: A, agentType: chain}
                  - {name: b, summary: B, agentType: chain, dependsOn: [a]}
                  - {name: c, summary: C, agentType: chain, dependsOn: [b]}
                """));
        CliRun cancel = stratum("cancel", ids.get("a"));
        assertThat(cancel.status()).as(cancel.toString()).isZero();
        assertThat(cancel.out())
                .startsWith("Cancelled " + ids.get("a") + " and 2 dependent(s):")
                .contains(ids.get("b"), ids.get("c"));
        assertThat(json("show", ids.get("c"), "--json").get("status").asText()).isEqualTo("cancelled");
        assertThat(stratum("cancel", ids.get("a")).out()).isEqualTo(ids.get("a") + " was already cancelled.\n");
    }

    @Test
    void badTaskFilesAreRefusedWithWhereTheProblemIs() throws IOException {
        CliRun missing = stratum("submit", "--file", dir.resolve("nope.yaml").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("stratum: --file: no such file: " + dir.resolve("nope.yaml") + "\n");

        Path broken = file("broken.yaml", "tasks:\n  - name: a\n    summary: [unclosed\n");
        CliRun malformed = stratum("submit", "--file", broken.toString());
        assertThat(malformed.status()).isEqualTo(2);
        assertThat(malformed.err())
                .startsWith("stratum: --file: " + broken + " is not valid YAML (line ")
                .hasLineCount(1);

        Path typo = file("typo.json", "[{\"name\": \"a\", \"summary\": \"A\", \"agentType\": \"x\", \"priorty\": 3}]");
        assertThat(stratum("submit", "--file", typo.toString()).err())
                .startsWith("stratum: --file: " + typo
                        + ": tasks[0] (a): priorty is not a field of a task; known fields: ");

        Path unknownName = file("names.yaml", "- {name: a, summary: A, agentType: x, dependsOn: [b]}\n");
        assertThat(stratum("submit", "--file", unknownName.toString()).err())
                .isEqualTo("stratum: --file: " + unknownName
                        + ": tasks[0] (a): dependsOn: no task is named 'b' in the file" + " (nor is it a task id)\n");

        Path cycle = file("cycle.yaml", """
                - {name: a, summary: A, agentType: x, dependsOn: [b]}
                - {name: b, summary: B, agentType: x, dependsOn: [a]}
                """);
        CliRun cyclic = stratum("submit", "--file", cycle.toString());
        assertThat(cyclic.status()).isEqualTo(2);
        assertThat(cyclic.err()).isEqualTo("stratum: --file: the tasks depend on each other in a cycle: a -> b -> a\n");

        Path invalid = file("invalid.yaml", "- {summary: Too urgent, agentType: x, priority: 11}\n");
        assertThat(stratum("submit", "--file", invalid.toString()).err())
                .isEqualTo("stratum: --file: " + invalid + ": tasks[0]: priority: 11 is outside 0..10\n");
    }
}
