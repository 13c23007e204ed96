package io.stratum.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * Runs every workload at the smallest sizes and checks what a benchmark can get wrong without anyone
 * noticing: every row measured (each round already checks its task counts), a ratio wherever there is a
 * baseline, a target per goal, and a JSON report. Never anything about time.
 */
final class SmokeRun {
    private SmokeRun() {}

    static void run(BackendKind kind, String postgresUrl, Path directory) throws Exception {
        Path json = directory.resolve("bench.json");
        Options options =
                new Options(Sizes.SMOKE, List.of(kind), EnumSet.allOf(Options.Group.class), postgresUrl, json, false);

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
                .containsAnyOf(kind == BackendKind.POSTGRESQL ? new String[] {"db-scheduler"} : new String[] {"jdbc"});
        assertThat(report.targets())
                .extracting(Target::description)
                .anyMatch(d -> d.contains("enqueue 1/tx"))
                .anyMatch(d -> d.contains("vs jobrunr"));
        assertThat(Files.readString(json)).contains("\"rows\"", "\"targets\"", "\"" + kind.label() + "\"");
    }
}
