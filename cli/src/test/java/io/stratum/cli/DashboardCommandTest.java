package io.stratum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stratum dashboard} refuses what it cannot serve with one line and a usage or failure status. */
class DashboardCommandTest {

    @Test
    void aPortOutsideTheRangeIsAUsageError() {
        CliRun run = CliRun.run("dashboard", "--port", "99999");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo("stratum: Invalid value for option '--port': 99999 is outside 0..65535."
                        + " Try 'stratum dashboard --help'.");
    }

    @Test
    void aPortThatIsNotANumberIsAUsageError() {
        CliRun run = CliRun.run("dashboard", "--port", "abc");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("'--port'").contains("'abc'");
    }

    @Test
    void anUnreachableDatabaseFailsAtStartWithItsPasswordMasked() {
        CliRun run = CliRun.run(
                "--url", "jdbc:postgresql://127.0.0.1:1/stratum?user=app&password=s3cret", "dashboard", "--port", "0");
        assertThat(run.status()).isEqualTo(8);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.out() + run.err()).doesNotContain("s3cret");
    }

    @Test
    void aPortInUseIsOneLine(@TempDir Path dir) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.run(
                    "--url",
                    "jdbc:sqlite:" + dir.resolve("stratum.db"),
                    "dashboard",
                    "--port",
                    String.valueOf(taken.getLocalPort()));
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err().strip())
                    .startsWith("stratum: --bind/--port: cannot listen on 127.0.0.1:" + taken.getLocalPort());
            assertThat(run.err().strip().lines()).hasSize(1);
        }
    }
}
