package io.stratum.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.PoolSettings;
import io.stratum.Stratum;
import io.stratum.Unavailable;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PostgresConnectionFailureTest {
    @Test
    void unreachableServerIsUnavailableAndThePasswordIsNeverShown() {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        String url = "jdbc:postgresql://127.0.0.1:1/nowhere?user=app&password=s3cret-pw";
        assertThatThrownBy(() -> Stratum.builder().url(url)
                .pool(PoolSettings.defaults().withAcquireTimeout(Duration.ofSeconds(1)))
                .open())
                .isInstanceOfSatisfying(Unavailable.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("s3cret-pw");
                    assertThat(e.toString()).doesNotContain("s3cret-pw");
                    assertThat(e.isRetryable()).isTrue();
                });
    }
}
