package io.stratum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** memory put, get, list, history and delete on one database per class; each test uses a namespace of its own. */
abstract class MemoryCommandsContract extends CommandContract {
    private static String namespace() {
        return "project-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void everyWriteIsANewVersionAndOldVersionsStayReadable() {
        String ns = namespace();
        CliRun first = stratum("memory", "put", ns, "spec", "{\"style\": \"hexagonal\"}", "--by", "planner");
        assertThat(first.status()).as(first.toString()).isZero();
        assertThat(first.out()).isEqualTo("Stored " + ns + "/spec version 1.\n");
        assertThat(stratum("memory", "put", ns, "spec", "{\"style\": \"layered\", \"layers\": 3}")
                        .out())
                .isEqualTo("Stored " + ns + "/spec version 2.\n");

        CliRun value = stratum("memory", "get", ns, "spec");
        assertThat(JsonOutput.parse(value.out()))
                .isEqualTo(JsonOutput.parse("{\"layers\": 3, \"style\": \"layered\"}"));
        assertThat(JsonOutput.parse(stratum("memory", "get", ns, "spec", "--version", "1")
                                .out())
                        .get("style")
                        .asText())
                .isEqualTo("hexagonal");
        JsonNode entry =
                JsonOutput.parse(stratum("memory", "get", ns, "spec", "--json").out());
        assertThat(entry.get("version").asInt()).isEqualTo(2);
        assertThat(entry.get("createdBy").asText()).isEqualTo("planner");

        CliRun list = stratum("memory", "list", ns);
        assertThat(list.out()).contains("KEY", "VERSION", "spec", "{\"style\":\"layered\",\"layers\":3}");
        CliRun history = stratum("memory", "history", ns, "spec");
        assertThat(history.out().lines()).hasSize(3);
        assertThat(history.out()).contains("planner", "hexagonal", "layered");
    }

    @Test
    void listPagesWithTheCursorItPrints() {
        String ns = namespace();
        for (String key : List.of("a", "b", "c")) {
            assertThat(stratum("memory", "put", ns, key, "1").status()).isZero();
        }
        CliRun first = stratum("memory", "list", ns, "--limit", "2");
        List<String> lines = first.out().lines().toList();
        assertThat(lines)
                .anyMatch(l -> l.startsWith("a "))
                .anyMatch(l -> l.startsWith("b "))
                .noneMatch(l -> l.startsWith("c "));
        String cursor = lines.getLast().substring("More keys follow: --after ".length());
        CliRun second = stratum("memory", "list", ns, "--limit", "2", "--after", cursor);
        assertThat(second.out().lines().toList())
                .anyMatch(l -> l.startsWith("c "))
                .noneMatch(l -> l.startsWith("a "))
                .noneMatch(l -> l.startsWith("More"));
        CliRun bogus = stratum("memory", "list", ns, "--after", "not a cursor");
        assertThat(bogus.status()).isNotZero();
        assertThat(bogus.err()).contains("cursor");
    }

    @Test
    void aStaleExpectedVersionIsAConflict() {
        String ns = namespace();
        stratum("memory", "put", ns, "counter", "1");
        CliRun stale = stratum("memory", "put", ns, "counter", "2", "--expect-version", "0");
        assertThat(stale.status()).isEqualTo(4);
        assertThat(stale.err()).startsWith("stratum: ").hasLineCount(1);
        assertThat(stratum("memory", "put", ns, "counter", "2", "--expect-version", "1")
                        .status())
                .isZero();
    }

    @Test
    void deletedAndUnknownKeysAreNotFound() {
        String ns = namespace();
        stratum("memory", "put", ns, "draft", "\"text\"");
        assertThat(stratum("memory", "delete", ns, "draft").out()).isEqualTo("Deleted " + ns + "/draft.\n");

        CliRun gone = stratum("memory", "get", ns, "draft");
        assertThat(gone.status()).isEqualTo(3);
        assertThat(gone.err()).isEqualTo("stratum: memory entry " + ns + "/draft not found\n");
        assertThat(stratum("memory", "history", ns, "draft").out()).contains("(deleted)");
        assertThat(stratum("memory", "delete", ns, "draft").status()).isEqualTo(3);
        assertThat(stratum("memory", "list", ns).out()).isEqualTo("No live keys in " + ns + ".\n");
    }

    @Test
    void badNamesAndDocumentsAreBadInput() {
        CliRun name = stratum("memory", "put", "has space", "k", "1");
        assertThat(name.status()).isEqualTo(2);
        assertThat(name.err()).startsWith("stratum: namespace").hasLineCount(1);

        CliRun json = stratum("memory", "put", namespace(), "k", "{not json");
        assertThat(json.status()).isEqualTo(2);
        assertThat(json.err()).contains("not valid JSON");

        CliRun bare = stratum("memory");
        assertThat(bare.status()).isEqualTo(2);
        assertThat(bare.err()).contains("Missing a memory command");
    }

    @Test
    void storedControlCharactersPrintAsEscapes() {
        String ns = namespace();
        CliRun put = stratum("memory", "put", ns, "k", "{\"v\": \"\\u001b[2J\\u009b\"}", "--by", "\033]0;pwned\007");
        assertThat(put.status()).as(put.toString()).isZero();

        for (CliRun run : List.of(stratum("memory", "list", ns), stratum("memory", "history", ns, "k"))) {
            assertThat(run.status()).as(run.toString()).isZero();
            TaskCommandsContract.assertNoControlCharacters(run);
            assertThat(run.out())
                    .as(run.toString())
                    .contains("\\e]0;pwned\\x07")
                    .hasLineCount(2);
        }
        assertThat(json("memory", "get", ns, "k", "--json").get("updatedBy").asText())
                .isEqualTo("\033]0;pwned\007");
    }
}
