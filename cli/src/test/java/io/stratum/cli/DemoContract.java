package io.stratum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.testkit.tck.ScratchDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code stratum demo}, small, on a new database per test; run on each backend by a thin subclass. */
abstract class DemoContract {
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

    @Test
    void aSmallSwarmRunsEveryTaskOnceAfterItsDependenciesAndRetriesTheFlakyOnes() {
        CliRun run = CliRun.run(
                "--url",
                url,
                "demo",
                "--tasks",
                "400",
                "--workers",
                "4",
                "--batch",
                "16",
                "--failure-rate",
                "0.1",
                "--seed",
                "7",
                "--json");
        assertThat(run.status()).as(run.toString()).isZero();
        JsonNode report = JsonOutput.parse(run.out());
        assertThat(report.get("verified").asBoolean()).isTrue();
        assertThat(report.get("problems")).isEmpty();
        assertThat(report.get("statusCounts").get("completed").asInt()).isEqualTo(400);
        assertThat(report.get("retries").asInt()).isPositive();
        assertThat(report.get("dependencyEdges").asInt()).isGreaterThan(400);
        assertThat(run.err()).contains("400/400 tasks (100%)");

        CliRun again = CliRun.run("--url", url, "demo", "--tasks", "50", "--workers", "2");
        assertThat(again.status()).as(again.toString()).isZero();
        assertThat(again.out())
                .contains(
                        "Workload: 50 tasks",
                        "completed     50",
                        "verified    every task ran exactly once, after all its dependencies");
    }

    @Test
    void aDatabaseWithUnfinishedWorkIsRefused() {
        assertThat(CliRun.run("--url", url, "submit", "Someone else's task", "--agent", "coder")
                        .status())
                .isZero();
        CliRun run = CliRun.run("--url", url, "demo", "--tasks", "10");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("stratum: --url: the database has 1 unfinished task(s) that the demo's workers"
                        + " would take; run the demo on another database, e.g. --url jdbc:sqlite:demo.db\n");
    }
}
