package io.stratum.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.stratum.ConfigurationError;
import io.stratum.ErrorCode;
import io.stratum.JdbcUrls;
import io.stratum.PoolSettings;
import io.stratum.Stratum;
import io.stratum.Unavailable;
import io.stratum.spi.SqlFailure;
import io.stratum.testkit.tck.ScratchDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class PostgresConnectionFailureTest {
    @Test
    void unreachableServerIsUnavailableAndThePasswordIsNeverShown() {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        String url = "jdbc:postgresql://127.0.0.1:1/nowhere?user=app&password=s3cret-pw";
        assertThatThrownBy(() -> open(url)).isInstanceOfSatisfying(Unavailable.class, e -> {
            assertThat(e.getMessage()).doesNotContain("s3cret-pw");
            assertThat(e.toString()).doesNotContain("s3cret-pw");
            assertThat(e.isRetryable()).isTrue();
        });
    }

    @Test
    void aDatabaseThatDoesNotExistIsAConfigurationErrorThatIsNotRetried() {
        String url = JdbcUrls.withDatabase(serverUrl(), "stratum_missing_" + suffix()) + "&password=s3cret-pw";
        assertThatThrownBy(() -> open(url)).isInstanceOfSatisfying(ConfigurationError.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getMessage()).contains("does not exist").doesNotContain("s3cret-pw");
        });
    }

    @Test
    void aRoleThatDoesNotExistIsAConfigurationError() {
        String url = as(serverUrl(), "stratum_nobody_" + suffix());
        assertThatThrownBy(() -> open(url)).isInstanceOfSatisfying(ConfigurationError.class, e -> {
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getMessage()).contains("does not exist");
        });
    }

    @Test
    void aRoleThatMayNotLogInIsAConfigurationError() throws SQLException {
        String server = serverUrl();
        String role = "stratum_nologin_" + suffix();
        execute(server, "CREATE ROLE " + role + " NOLOGIN");
        try {
            assertThatThrownBy(() -> open(as(server, role))).isInstanceOfSatisfying(ConfigurationError.class, e -> {
                assertThat(e.isRetryable()).isFalse();
                assertThat(e.getMessage()).contains("not permitted to log in");
            });
        } finally {
            execute(server, "DROP ROLE IF EXISTS " + role);
        }
    }

    @Test
    void sslRequiredOfAServerWithoutSslIsAConfigurationErrorThatIsNotRetried() throws SQLException {
        String server = serverUrl();
        try (Connection c = DriverManager.getConnection(server);
                Statement s = c.createStatement();
                ResultSet ssl = s.executeQuery("SHOW ssl")) {
            ssl.next();
            assumeThat(ssl.getString(1))
                    .as("the test server has SSL switched off")
                    .isEqualTo("off");
        }
        assertThatThrownBy(() -> open(server + "&sslmode=require"))
                .isInstanceOfSatisfying(ConfigurationError.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("does not support SSL");
                });
    }

    /**
     * The test server trusts every local connection, so a wrong password cannot be produced against it; this
     * checks the classification of the SQLState the server sends for one (28P01, invalid_password).
     */
    @Test
    void aWrongPasswordIsClassifiedAsConfiguration() {
        SQLException wrongPassword =
                new PSQLException("FATAL: password authentication failed for user \"app\"", PSQLState.INVALID_PASSWORD);
        assertThat(PostgresErrors.classify(wrongPassword).kind()).isEqualTo(SqlFailure.Kind.CONFIGURATION);
    }

    private static Stratum open(String url) {
        return Stratum.builder()
                .url(url)
                .pool(PoolSettings.defaults().withAcquireTimeout(Duration.ofSeconds(1)))
                .open();
    }

    private static String as(String url, String role) {
        return url.replaceAll("([?&])user=[^&]*", "$1user=" + role);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String serverUrl() {
        try (ScratchDatabases server = ScratchDatabases.of("postgresql")) {
            return server.serverUrl();
        }
    }
}
