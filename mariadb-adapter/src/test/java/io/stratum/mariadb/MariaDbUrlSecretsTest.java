package io.stratum.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.ConfigurationError;
import io.stratum.InvalidInput;
import io.stratum.PoolSettings;
import io.stratum.Stratum;
import io.stratum.testkit.tck.ScratchDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A MariaDB URL with its password in user-info form ({@code root:secret@host}), which Connector/J does not read, is
 * refused with {@link InvalidInput} before the driver sees it, and the password is in no message, stack trace or log
 * line; a URL the driver cannot parse is {@link InvalidInput} too, not a database error.
 */
class MariaDbUrlSecretsTest {
    private static final String SECRET = "hunter2-" + UUID.randomUUID();
    private static ScratchDatabases databases;

    @BeforeAll
    static void server() {
        databases = ScratchDatabases.of("mariadb");
    }

    @AfterAll
    static void dropDatabases() {
        databases.close();
    }

    @Test
    void aUserInfoPasswordIsRefusedAndNeverPrinted() {
        String url = databases.freshUrl();
        String userInfo = url.replaceFirst("//", "//root:" + SECRET + "@");
        StringBuilder said = new StringBuilder();
        String console = capturingConsole(() -> assertThatThrownBy(() -> Stratum.open(userInfo))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("user:password@host")
                .satisfies(e -> said.append(describe(e))));
        assertThat(said.toString()).doesNotContain(SECRET).contains("root:***@");
        assertThat(console).doesNotContain(SECRET);
    }

    @Test
    void aUrlTheDriverCannotParseIsInvalidInput() {
        String server = databases.serverUrl();
        String badPort = server.replaceFirst("//([^/:?]+)(:[0-9]+)?", "//$1:notaport");
        StringBuilder said = new StringBuilder();
        capturingConsole(() -> assertThatThrownBy(() -> Stratum.builder()
                        .url(badPort + "&password=" + SECRET)
                        .pool(PoolSettings.defaults().withAcquireTimeout(Duration.ofMillis(500)))
                        .open())
                .isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("url: the driver cannot read the URL or its properties: mariadb: ")
                .hasMessageContaining("Incorrect port value")
                .satisfies(e -> said.append(describe(e))));
        assertThat(said.toString()).doesNotContain(SECRET);
    }

    /**
     * {@code sslMode=verify-full} asks for TLS with a certificate the client trusts: a server without TLS, or with a
     * certificate of its own making, cannot meet it, and no retry will change that.
     */
    @Test
    void anSslModeTheServerCannotMeetIsAConfigurationError() {
        String url = databases.freshUrl().replaceAll("[&?]sslMode=[^&]*", "");
        String verifyFull = url + (url.contains("?") ? "&" : "?") + "sslMode=verify-full&password=" + SECRET;
        StringBuilder said = new StringBuilder();
        capturingConsole(() -> assertThatThrownBy(() -> Stratum.builder()
                        .url(verifyFull)
                        .pool(PoolSettings.defaults().withAcquireTimeout(Duration.ofSeconds(5)))
                        .open())
                .isInstanceOfSatisfying(ConfigurationError.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    said.append(describe(e));
                }));
        assertThat(said.toString()).doesNotContain(SECRET);
    }

    private static String capturingConsole(Runnable work) {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setErr(both);
        System.setOut(both);
        try {
            work.run();
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        return console.toString(StandardCharsets.UTF_8);
    }

    private static String describe(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return e.getMessage() + "\n" + trace;
    }
}
