package io.stratum.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs every workload at the smallest sizes and checks what a benchmark can get wrong without anyone
 * noticing: every row measured (each round already checks its task counts), a ratio wherever there is a
 * baseline, a target per goal, and a JSON report. Never anything about time.
 */
final class SmokeRun {
    private SmokeRun() {}

    /**
     * The server URL of system property {@code stratum.test.<server>.url}, else of {@code variable}; without one
     * the test is skipped, or fails when {@code STRATUM_TEST_REQUIRE_<SERVER>=true}.
     */
    static String serverUrl(String server, String variable, String example) {
        String url = System.getProperty("stratum.test." + server + ".url");
        if (url == null || url.isBlank() || url.startsWith("${")) {
            url = System.getenv(variable);
        }
        if (url == null || url.isBlank()) {
            String require = "STRATUM_TEST_REQUIRE_" + server.toUpperCase(Locale.ROOT);
            String reason = "needs " + variable + ", e.g. " + example;
            if (Boolean.parseBoolean(System.getenv(require))) {
                fail(reason + " (" + require + "=true forbids skipping)");
            }
            Assumptions.abort(reason);
        }
        return url;
    }

    static void run(BackendKind kind, String serverUrl, Path directory) throws Exception {
        Path json = directory.resolve("bench.json");
        Options options = new Options(
                Sizes.SMOKE,
                List.of(kind),
                true,
                EnumSet.allOf(Options.Group.class),
                kind == BackendKind.POSTGRESQL ? serverUrl : null,
                kind == BackendKind.MARIADB ? serverUrl : null,
                json,
                false);

        Report report = BenchMain.run(options, "smoke test");

        assertThat(report.rows())
                .allSatisfy(row -> assertThat(row.outcome().ok())
                        .as(
                                "%s / %s: %s",
                                row.workload(), row.system(), row.outcome().reason())
                        .isTrue());
        assertThat(report.rows())
                .filteredOn(row -> row.system().equals("stratum")
                        && (row.workload().startsWith("1 ") || row.workload().startsWith("3 ")))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.ratio()).as(row.workload()).isPositive());
        assertThat(report.rows())
                .extracting(Row::system)
                .contains("stratum", "jdbc", "jobrunr")
                .containsAnyOf(kind == BackendKind.SQLITE ? new String[] {"jdbc"} : new String[] {"db-scheduler"});
        assertThat(report.targets())
                .extracting(Target::description)
                .anyMatch(d -> d.contains("enqueue 1/tx"))
                .anyMatch(d -> d.contains(kind == BackendKind.SQLITE ? "vs jobrunr" : "vs db-scheduler"));
        assertThat(Files.readString(json)).contains("\"rows\"", "\"targets\"", "\"" + kind.label() + "\"");
    }
}
