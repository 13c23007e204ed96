package io.stratum.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratum.Stratum;
import io.stratum.testkit.tck.ScratchDatabases;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headless chromium, driven by playwright-core from {@code src/test/browser/dashboard.spec.mjs}, against a
 * dashboard serving a seeded database: pages load, the graph is drawn, filters and paging work, stored markup stays
 * text; screenshots go to {@code target/screenshots}. Run on each backend by a thin subclass. Without chromium,
 * node or playwright-core ({@code scripts/browser-setup}) it is skipped, or fails with
 * {@code STRATUM_TEST_REQUIRE_BROWSER=true}.
 */
abstract class DashboardBrowserContract {
    private static final long SPEC_TIMEOUT_MINUTES = 5;
    private static final String SECRET = "n0t-shown";

    private final String testDatabaseService;

    DashboardBrowserContract(String testDatabaseService) {
        this.testDatabaseService = testDatabaseService;
    }

    @Test
    void dashboardWorksInABrowser(@TempDir Path work) throws Exception {
        BrowserTools tools = BrowserTools.find(System.getenv());
        List<String> missing = tools.missing();
        if (!missing.isEmpty()) {
            String line = "browser tests need " + String.join(", ", missing) + ": run scripts/browser-setup";
            if (BrowserTools.required(System.getenv())) {
                fail(line + " (STRATUM_TEST_REQUIRE_BROWSER=true)");
            }
            Assumptions.abort(line);
        }
        try (ScratchDatabases databases = ScratchDatabases.of(testDatabaseService);
                Stratum db = Stratum.open(databases.freshUrl())) {
            db.migrate();
            SeededData seeded = SeededData.seed(db);
            String shownUrl = "jdbc:postgresql://db.example/stratum?user=app&password=" + SECRET;
            try (Dashboard dashboard = Dashboard.start(db, new InetSocketAddress("127.0.0.1", 0), shownUrl)) {
                JsonNode summary = runSpec(tools, work, expectations(seeded, dashboard));
                assertThat(summary.get("failed").asInt())
                        .as("failed browser checks: %s", summary.get("checks"))
                        .isZero();
                assertThat(summary.get("passed").asInt()).isEqualTo(11);
                for (JsonNode screenshot : summary.get("screenshots")) {
                    assertThat(Path.of(screenshot.asText())).isNotEmptyFile();
                }
                assertThat(summary.get("screenshots")).hasSize(6);
            }
        }
    }

    private Map<String, Object> expectations(SeededData seeded, Dashboard dashboard) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("label", testDatabaseService);
        json.put("baseUrl", dashboard.uri().toString().replaceAll("/$", ""));
        json.put("screenshotDir", System.getProperty("stratum.dashboard.screenshots", "target/screenshots"));
        json.put("secret", SECRET);
        json.put("plan", seeded.plan().toString());
        json.put("design", seeded.design().toString());
        json.put("ship", seeded.ship().toString());
        json.put("xss", seeded.xss().toString());
        json.put("flaky", seeded.flaky().toString());
        json.put("xssSummary", SeededData.XSS_SUMMARY);
        json.put("xssKey", SeededData.XSS_KEY);
        json.put("totalTasks", SeededData.TOTAL_TASKS);
        json.put("pendingTasks", SeededData.PENDING_TASKS);
        json.put("readyTasks", SeededData.READY_TASKS);
        json.put("runningTasks", SeededData.RUNNING_TASKS);
        json.put("worker", SeededData.WORKER);
        json.put("diamondNodes", SeededData.DIAMOND_NODES);
        json.put("diamondEdges", SeededData.DIAMOND_EDGES);
        json.put("pagingAgent", SeededData.PAGING_AGENT);
        json.put("pagingTasks", SeededData.PAGING_TASKS);
        json.put("sessionEvents", SeededData.SESSION_EVENTS);
        json.put("agents", SeededData.AGENTS);
        json.put("namespace", SeededData.NAMESPACE);
        return json;
    }

    private static JsonNode runSpec(BrowserTools tools, Path work, Map<String, Object> expectations)
            throws IOException, InterruptedException {
        ObjectMapper mapper = new ObjectMapper();
        Path input = work.resolve("expectations.json");
        mapper.writeValue(input.toFile(), expectations);
        Path log = work.resolve("spec.log");
        ProcessBuilder builder = new ProcessBuilder(
                        tools.node().toString(), System.getProperty("stratum.dashboard.spec"), input.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PLAYWRIGHT_CORE_DIR", tools.playwrightCore().toString());
        builder.environment().put("CHROMIUM", tools.chromium().toString());
        Process process = builder.start();
        if (!process.waitFor(SPEC_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the browser checks did not finish within " + SPEC_TIMEOUT_MINUTES + " minutes: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String last = lines.isEmpty() ? "" : lines.getLast();
        if (!last.startsWith("{")) {
            fail("the browser checks printed no summary (exit " + process.exitValue() + "): "
                    + String.join("\n", lines));
        }
        JsonNode summary = mapper.readTree(last);
        assertThat(process.exitValue())
                .as("exit status of the browser checks: %s", summary)
                .isEqualTo(summary.get("failed").asInt() == 0 ? 0 : 1);
        return summary;
    }
}
