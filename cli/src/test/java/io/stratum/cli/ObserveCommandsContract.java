package io.stratum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * stats, top, status's queue summary and delayed submits on one migrated database per class; every test works on
 * tasks of an agent type of its own and reads the counts of that type. A claim takes every ready task, other tests'
 * included, so tests check what a claim did or did not take among their own tasks.
 */
abstract class ObserveCommandsContract extends CommandContract {

    @TempDir
    Path dir;

    /** The active counts of {@code agentType} per {@code stats --json}, or null when it has no active task. */
    private JsonNode counts(String agentType) {
        return json("stats", "--json").get("byAgentType").get(agentType);
    }

    /** Ids of the tasks a claim of everything ready took. */
    private List<String> claimAll(String worker) {
        List<String> ids = new ArrayList<>();
        json("claim", "--worker", worker, "-n", "1000", "--json")
                .forEach(c -> ids.add(c.get("task").get("id").asText()));
        return ids;
    }

    @Test
    void statsCountsByStatusAndAgentTypeAsJsonAndAsATable() {
        String later = json("submit", "later", "--agent", "stats-a", "--delay", "5m", "--json")
                .get("id")
                .asText();
        String id =
                json("submit", "runs", "--agent", "stats-b", "--json").get("id").asText();
        assertThat(claimAll("stats-worker")).contains(id).doesNotContain(later);

        JsonNode stats = json("stats", "--json");
        assertThat(stats.get("byAgentType").get("stats-a").get("ready").asLong())
                .isEqualTo(1);
        assertThat(stats.get("byAgentType").get("stats-a").get("running").asLong())
                .isZero();
        assertThat(stats.get("byAgentType").get("stats-b").get("running").asLong())
                .isEqualTo(1);
        assertThat(stats.get("runningByWorker").get("stats-worker").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("readyDelayed").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("window").asText()).isEqualTo("PT1M");

        CliRun table = stratum("stats");
        assertThat(table.status()).as(table.toString()).isZero();
        assertThat(table.out())
                .contains("ready, waiting for run-after")
                .contains("completed, last minute")
                .containsPattern("stats-a +0 +0 +1 +0")
                .containsPattern("stats-b +0 +0 +0 +1")
                .containsPattern("stats-worker +\\d+");
    }

    @Test
    void aDelayedTaskIsNotClaimedBeforeItsTime() {
        String delayed = json("submit", "in an hour", "--agent", "delay-a", "--delay", "1h", "--json")
                .get("id")
                .asText();
        String fixed = json("submit", "in 2030", "--agent", "delay-a", "--run-after", "2030-01-31T18:00:00Z", "--json")
                .get("runAfter")
                .asText();

        assertThat(OffsetDateTime.parse(
                                json("show", delayed, "--json").get("runAfter").asText())
                        .toInstant())
                .isAfter(Instant.now().plusSeconds(3000));
        assertThat(OffsetDateTime.parse(fixed).toInstant()).isEqualTo(Instant.parse("2030-01-31T18:00:00Z"));
        assertThat(claimAll("delay-worker")).doesNotContain(delayed);
        assertThat(counts("delay-a").get("ready").asLong()).isEqualTo(2);
    }

    @Test
    void aTaskFileMaySetRunAfter() throws IOException {
        Path file = Files.writeString(dir.resolve("later.yaml"), """
                - name: later
                  summary: Later
                  agentType: file-a
                  runAfter: 2031-05-01T00:00:00Z
                """);
        JsonNode submitted = json("submit", "--file", file.toString(), "--json");
        assertThat(OffsetDateTime.parse(submitted.get(0).get("runAfter").asText())
                        .toInstant())
                .isEqualTo(Instant.parse("2031-05-01T00:00:00Z"));
        assertThat(claimAll("file-worker"))
                .doesNotContain(submitted.get(0).get("id").asText());

        Path bad =
                Files.writeString(dir.resolve("bad.yaml"), "- {summary: Bad, agentType: file-b, runAfter: tomorrow}\n");
        CliRun run = stratum("submit", "--file", bad.toString());
        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("runAfter").contains("'tomorrow' is not a time");
        assertThat(counts("file-b")).isNull();
    }

    @Test
    void badDelaysAndTimesAreRefusedWithExitStatusTwoAndWriteNothing() {
        List<List<String>> bad = List.of(
                List.of("--delay", "-5s"),
                List.of("--delay=-5s"),
                List.of("--delay", "PT-5S"),
                List.of("--delay", "soon"),
                List.of("--run-after", "tomorrow"),
                List.of("--run-after", "2030-13-45T99:00:00Z"),
                List.of("--run-after", "+10000-01-01T00:00:00Z"),
                List.of("--run-after", "2030-01-31T18:00:00Z", "--delay", "5s"));
        for (List<String> options : bad) {
            List<String> args = new ArrayList<>(List.of("submit", "bad", "--agent", "bad-input"));
            args.addAll(options);
            CliRun run = stratum(args.toArray(String[]::new));
            assertThat(run.status()).as(options + ": " + run).isEqualTo(2);
            assertThat(run.err()).as(options.toString()).containsAnyOf("--delay", "--run-after", "runAfter");
            assertThat(run.err()).as(options.toString()).doesNotContain("Exception");
        }
        assertThat(counts("bad-input")).isNull();
    }

    @Test
    void topRefreshesTheGivenNumberOfTimesAndStops() {
        json("submit", "watched", "--agent", "top-a", "--json");

        CliRun run = stratum("top", "--iterations", "2", "--interval", "10ms");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out().split("stratum top ", -1)).hasSize(3);
        assertThat(run.out())
                .contains("throughput")
                .contains("worker(s) holding leases")
                .containsPattern("top-a +0 +0 +1 +0");
        JsonNode snapshot = JsonOutput.parse(stratum("top", "-n", "1", "--json").out());
        assertThat(snapshot.get("byAgentType").get("top-a").get("ready").asLong())
                .isEqualTo(1);
    }

    @Test
    void topRefusesABadIterationCountOrInterval() {
        for (List<String> options :
                List.of(List.of("--iterations", "0"), List.of("--interval", "0s"), List.of("--interval", "fast"))) {
            List<String> args = new ArrayList<>(List.of("top"));
            args.addAll(options);
            CliRun run = stratum(args.toArray(String[]::new));
            assertThat(run.status()).as(options + ": " + run).isEqualTo(2);
            assertThat(run.err()).containsAnyOf("--iterations", "--interval");
        }
    }

    @Test
    void durationsTakeZeroDecimalsAndDaysAndARefusalSaysWhatWasTypedAndWhatIsAccepted() {
        Instant before = Instant.now();
        JsonNode zero = json("submit", "now", "--agent", "duration-a", "--delay", "0", "--json");
        assertThat(zero.get("status").asText()).isEqualTo("ready");
        for (String delay : List.of("0s", "1.5s", "0.25m", "1d", "PT90M", "250ms")) {
            json("submit", "delayed " + delay, "--agent", "duration-a", "--delay", delay, "--json");
        }
        Instant day = OffsetDateTime.parse(json("submit", "a day", "--agent", "duration-b", "--delay", "1.5d", "--json")
                        .get("runAfter")
                        .asText())
                .toInstant();
        assertThat(day).isBetween(before.plusSeconds(129_600), Instant.now().plusSeconds(129_600));
        assertThat(stratum("top", "-n", "1", "--interval", "0.5s").status()).isZero();

        // option, value, what the one line on stderr says after the option's name
        List<List<String>> refused = List.of(
                List.of("submit", "--delay", "-5s", "'-5s' is negative: a duration must be zero or more (e.g. 0,"),
                List.of("submit", "--delay", "PT-5S", "'PT-5S' is negative"),
                List.of("submit", "--delay", "5", "'5' has no unit: give one of ms, s, m, h or d (e.g. 5s)"),
                List.of(
                        "submit",
                        "--delay",
                        "soon",
                        "'soon' is not a duration: give a number and a unit ms, s, m, h or d"),
                List.of("submit", "--delay", "100000000000000000000s", "'100000000000000000000s' is too long"),
                List.of("top", "--interval", "0", "'0' must be positive (e.g. 500ms, 2s, 1m)"),
                List.of("top", "--interval", "0s", "'0s' must be positive (e.g. 500ms, 2s, 1m)"),
                List.of("top", "--interval", "-1s", "'-1s' must be positive"),
                List.of("top", "--interval", "1.5x", "'1.5x' is not a duration"),
                List.of(
                        "top",
                        "--interval",
                        "100000000000000000000s",
                        "'100000000000000000000s' is too long: a duration" + " may be at most 36500d"),
                List.of("claim", "--lease", "0ms", "'0ms' must be positive"),
                List.of("claim", "--lease", "400d", "'400d' is too long: a lease may be at most 365d"),
                List.of("memory put", "--ttl", "PT0S", "'PT0S' must be positive"));
        for (List<String> r : refused) {
            List<String> args = new ArrayList<>(List.of(r.get(0).split(" ")));
            args.addAll(
                    switch (r.get(0)) {
                        case "submit" -> List.of("refused", "--agent", "duration-c");
                        case "claim" -> List.of("--worker", "duration-worker");
                        case "memory put" -> List.of("duration-ns", "k", "{}");
                        default -> List.of("-n", "1");
                    });
            args.add(r.get(1));
            args.add(r.get(2));
            CliRun run = stratum(args.toArray(String[]::new));
            assertThat(run.status()).as(r + ": " + run).isEqualTo(2);
            assertThat(run.err())
                    .as(r + ": " + run)
                    .hasLineCount(1)
                    .contains("'" + r.get(1) + "': " + r.get(3))
                    .doesNotContain(
                            "Exception",
                            "PT0S must",
                            "Invalid value for option '" + r.get(1) + "': '" + r.get(2) + "'.");
        }
        assertThat(counts("duration-c")).isNull();
    }

    @Test
    void dashboardWithJsonPrintsItsAddressAsOneJsonLine() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger status = new AtomicInteger(-1);
        Thread dashboard = new Thread(() -> status.set(Main.run(
                new String[] {"--url", url(), "dashboard", "--port", "0", "--json"},
                new PrintWriter(out),
                new PrintWriter(err),
                Map.of())));
        dashboard.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!out.toString().endsWith("\n") && dashboard.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(out.toString()).as(err.toString()).hasLineCount(1);
            JsonNode line = JsonOutput.parse(out.toString());
            assertThat(line.get("url").asText()).isEqualTo(url());
            URI uri = URI.create(line.get("uri").asText());
            assertThat(uri.getPort()).isPositive();
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(uri.resolve("/api/overview")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
        } finally {
            dashboard.interrupt(); // as Ctrl-C's hook does
            dashboard.join(Duration.ofSeconds(30));
        }
        assertThat(status.get()).as(err.toString()).isZero();
        assertThat(out.toString()).as("nothing but the JSON line").hasLineCount(1);
    }

    @Test
    void statusSummarisesTheQueueWithTheSchema() {
        json("submit", "summarised", "--agent", "status-a", "--json");

        CliRun run = stratum("status");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("changesets applied").containsPattern("Queue: \\d+ pending, \\d+ blocked");

        JsonNode status = json("status", "--json");
        assertThat(status.get("pending").asLong()).isZero();
        assertThat(status.get("queue")
                        .get("byAgentType")
                        .get("status-a")
                        .get("ready")
                        .asLong())
                .isEqualTo(1);
    }
}
