package io.stratum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How failures reach the user: one line on stderr, a meaningful exit status, no secrets, traces on request. */
class ErrorReportingTest {
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/stratum?user=app&password=s3cret-pw";

    @Test
    void aUrlThatIsNotJdbcIsBadInput() {
        CliRun run = CliRun.run("--url", "postgres://localhost/x", "list");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("stratum: url: 'postgres://localhost/x' is not a JDBC URL (it must start with jdbc:)\n");
    }

    @Test
    void aUrlNoBackendHandlesNamesTheInstalledOnes() {
        CliRun run = CliRun.run("--url", "jdbc:mysql://localhost/x", "list");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("stratum: url: no Stratum backend handles 'jdbc:mysql://localhost/x'")
                .contains("sqlite", "postgresql")
                .hasLineCount(1);
    }

    @Test
    void anUnreachableServerIsUnavailableAndThePasswordIsNeverPrinted() {
        CliRun run = CliRun.run("--url", UNREACHABLE, "list");
        assertThat(run.status()).as(run.toString()).isEqualTo(8);
        assertThat(run.err())
                .startsWith("stratum: ")
                .hasLineCount(1)
                .doesNotContain("s3cret-pw")
                .doesNotContain("\tat ");

        CliRun verbose = CliRun.run("--url", UNREACHABLE, "list", "--verbose");
        assertThat(verbose.status()).isEqualTo(8);
        assertThat(verbose.err()).contains("\tat ").doesNotContain("s3cret-pw");
    }

    @Test
    void aMissingSqliteSourceFileIsNotCreatedByCopy(@TempDir Path dir) {
        Path missing = dir.resolve("missing.db");
        CliRun run =
                CliRun.run("copy", "--from", "jdbc:sqlite:" + missing, "--to", "jdbc:sqlite:" + dir.resolve("to.db"));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("stratum: --from: no such SQLite database file: " + missing + "\n");
        assertThat(missing).doesNotExist();
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        CliRun command = CliRun.run("frobnicate");
        assertThat(command.status()).isEqualTo(2);
        assertThat(command.err()).contains("Unmatched argument at index 0: 'frobnicate'", "Try 'stratum --help'.");

        CliRun option = CliRun.run("list", "--colour");
        assertThat(option.status()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown option: '--colour'", "Try 'stratum list --help'.");
    }

    @Test
    void helpListsTheCommandsAndSucceeds() {
        CliRun run = CliRun.run("--help");
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("migrate", "status", "rollback", "submit", "list", "show", "copy", "--url", "--json");
    }

    @Test
    void stratumUrlFromTheEnvironmentSelectsTheDatabase(@TempDir Path dir) {
        Path file = dir.resolve("from-env.db");
        CliRun run = CliRun.run(Map.of("STRATUM_URL", "jdbc:sqlite:" + file), "migrate");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("jdbc:sqlite:" + file);
        assertThat(Files.exists(file)).isTrue();
    }
}
