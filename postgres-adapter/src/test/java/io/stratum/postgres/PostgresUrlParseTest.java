package io.stratum.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.InvalidInput;
import io.stratum.PoolSettings;
import io.stratum.Stratum;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL URL pgjdbc cannot parse is {@link InvalidInput} naming the URL, and its password is in no message or
 * stack trace; so is one with the password in user-info form, refused before pgjdbc sees it.
 */
class PostgresUrlParseTest {
    private static final String SECRET = "hunter2-" + UUID.randomUUID();

    @Test
    void aUrlPgjdbcCannotParseIsInvalidInput() {
        StringBuilder said = new StringBuilder();
        assertThatThrownBy(() -> Stratum.builder()
                        .url("jdbc:postgresql://127.0.0.1:notaport/test?user=postgres&password=" + SECRET)
                        .pool(PoolSettings.defaults().withAcquireTimeout(Duration.ofMillis(500)))
                        .open())
                .isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("url: ")
                .satisfies(e -> said.append(describe(e)));
        assertThat(said.toString()).doesNotContain(SECRET);
    }

    @Test
    void aUserInfoPasswordIsRefused() {
        StringBuilder said = new StringBuilder();
        assertThatThrownBy(() -> Stratum.open("jdbc:postgresql://postgres:" + SECRET + "@127.0.0.1:5432/test"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("user:password@host")
                .satisfies(e -> said.append(describe(e)));
        assertThat(said.toString()).doesNotContain(SECRET).contains("postgres:***@");
    }

    private static String describe(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return e.getMessage() + "\n" + trace;
    }
}
