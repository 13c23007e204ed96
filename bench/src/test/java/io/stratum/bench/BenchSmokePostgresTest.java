package io.stratum.bench;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole benchmark at smoke sizes on PostgreSQL, in scratch databases on the server of
 * {@code STRATUM_TEST_POSTGRES_URL}; skipped without one unless {@code STRATUM_TEST_REQUIRE_POSTGRES=true}.
 */
class BenchSmokePostgresTest {

    @Test
    void everyWorkloadRunsOnPostgres(@TempDir Path directory) throws Exception {
        SmokeRun.run(BackendKind.POSTGRESQL, postgresUrl(), directory);
    }

    private static String postgresUrl() {
        String url = System.getProperty("stratum.test.postgres.url");
        if (url == null || url.isBlank() || url.startsWith("${")) {
            url = System.getenv("STRATUM_TEST_POSTGRES_URL");
        }
        if (url == null || url.isBlank()) {
            String reason = "needs STRATUM_TEST_POSTGRES_URL, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
            if (Boolean.parseBoolean(System.getenv("STRATUM_TEST_REQUIRE_POSTGRES"))) {
                fail(reason + " (STRATUM_TEST_REQUIRE_POSTGRES=true forbids skipping)");
            }
            Assumptions.abort(reason);
        }
        return url;
    }
}
