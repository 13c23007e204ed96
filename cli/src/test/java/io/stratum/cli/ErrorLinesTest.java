package io.stratum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every failure is one human sentence on stderr: no Java or Liquibase class names, no exception types; the
 * technical cause appears only with {@code --verbose}.
 */
class ErrorLinesTest {
    @TempDir
    Path dir;

    @Test
    void aBadTimestampIsOneHumanLineAndVerboseShowsTheCause() {
        String url = url();
        assertOneHumanLine(
                CliRun.run("--url", url, "submit", "s", "--agent", "coder", "--deadline", "tomorrow"),
                2,
                "--deadline",
                "'tomorrow' is not a timestamp");
        assertOneHumanLine(
                CliRun.run("--url", url, "memory", "put", "ns", "k", "{}", "--expires-at", "2030-01-31"),
                2,
                "--expires-at",
                "'2030-01-31' is not a timestamp");

        CliRun verbose =
                CliRun.run("--verbose", "--url", url, "submit", "s", "--agent", "coder", "--deadline", "tomorrow");
        assertThat(verbose.status()).isEqualTo(2);
        assertThat(verbose.err()).contains("'tomorrow' is not a timestamp", "DateTimeParseException", "\tat ");
    }

    @Test
    void aBadUuidIsOneHumanLineAndVerboseShowsTheCause() {
        assertOneHumanLine(
                CliRun.run("--url", url(), "list", "--session", "nope"), 2, "--session", "'nope' is not a UUID");
        CliRun verbose = CliRun.run("--url", url(), "list", "--session", "nope", "--verbose");
        assertThat(verbose.err()).contains("'nope' is not a UUID", "IllegalArgumentException");
    }

    @Test
    void aBadNumberIsOneLine() {
        assertOneHumanLine(
                CliRun.run("--url", url(), "list", "--limit", "abc"),
                2,
                "--limit",
                "'abc'",
                "Try 'stratum list --help'.");
    }

    @Test
    void aBadEnumValueIsOneLine() {
        assertOneHumanLine(CliRun.run("--url", url(), "list", "--status", "bogus"), 2, "--status", "'bogus'", "READY");
    }

    @Test
    void aFailedRollbackIsOneHumanLineAndVerboseShowsTheCause() {
        String url = url();
        assertThat(CliRun.run("--url", url, "migrate").status()).isZero();
        assertOneHumanLine(
                CliRun.run("--url", url, "rollback", "--to-tag", "nosuch"),
                9,
                "rollback failed",
                "no changeset applied to this database set the tag 'nosuch'");

        CliRun verbose = CliRun.run("--url", url, "rollback", "--to-tag", "nosuch", "--verbose");
        assertThat(verbose.status()).isEqualTo(9);
        assertThat(verbose.err()).contains("io.stratum.MigrationFailed", "\tat ");
    }

    @Test
    void anUnexpectedFailureNamesNoClassUnlessVerbose() {
        StringWriter err = new StringWriter();
        int status = new Failures(new PrintWriter(err, true), () -> false)
                .report(new IllegalStateException("the widget is missing"));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("stratum: internal error: the widget is missing (run with --verbose for the stack trace)\n");

        StringWriter verbose = new StringWriter();
        new Failures(new PrintWriter(verbose, true), () -> true)
                .report(new IllegalStateException("the widget is missing"));
        assertThat(verbose.toString()).contains("java.lang.IllegalStateException: the widget is missing", "\tat ");
    }

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("errors.db");
    }

    private static void assertOneHumanLine(CliRun run, int status, String... expected) {
        assertThat(run.status()).as(run.toString()).isEqualTo(status);
        assertThat(run.err())
                .as(run.toString())
                .startsWith("stratum: ")
                .hasLineCount(1)
                .contains(expected)
                .doesNotContain("java.", "liquibase.", "Exception", "\tat ");
    }
}
