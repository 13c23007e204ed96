package io.stratum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code ./stratum}, the launcher at the repository root, as a separate process the way a user does, from a
 * fresh working directory (so a fresh ./stratum.db). Runs in the integration-test phase, after the package phase
 * wrote cli/target/stratum.jar, which the launcher must then use as it is rather than build again.
 */
class LauncherIT {
    private static final long TIMEOUT_SECONDS = 180;

    @TempDir
    Path workingDirectory;

    record Run(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @Test
    void theLauncherRunsCommandsAndTheDemoOnDatabasesInTheWorkingDirectory() throws Exception {
        Run submit = stratum("submit", "Write the release notes", "--agent", "writer", "-p", "8");
        assertThat(submit.err()).as(submit.toString()).doesNotContain("building");
        assertThat(submit.status()).as(submit.toString()).isZero();
        assertThat(submit.out()).matches("Submitted [0-9a-f-]{36} \\(ready\\)\\.\n");
        assertThat(workingDirectory.resolve("stratum.db")).exists();

        Run list = stratum("list");
        assertThat(list.status()).as(list.toString()).isZero();
        assertThat(list.out()).contains("ready", "writer", "Write the release notes");

        Run missing = stratum("show", "0196e0f2-0000-7000-8000-000000000000");
        assertThat(missing.status()).isEqualTo(3);
        assertThat(missing.err()).isEqualTo("stratum: task 0196e0f2-0000-7000-8000-000000000000 not found\n");

        Run demo = stratum("--url", "jdbc:sqlite:demo.db", "demo", "--tasks", "300");
        assertThat(demo.status()).as(demo.toString()).isZero();
        assertThat(demo.out())
                .contains(
                        "Workload: 300 tasks",
                        "completed    300",
                        "verified    every task ran exactly once, after all its dependencies");
        assertThat(demo.err()).contains("300/300 tasks (100%)");
    }

    private Run stratum(String... args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("stratum.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
        List<String> command = new ArrayList<>(List.of(root.resolve("stratum").toString()));
        command.addAll(List.of(args));
        Path out = workingDirectory.resolve("out.txt");
        Path err = workingDirectory.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove("STRATUM_URL");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(
                    "./stratum " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
