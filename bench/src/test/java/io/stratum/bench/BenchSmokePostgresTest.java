package io.stratum.bench;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole benchmark at smoke sizes on PostgreSQL, in scratch databases on the server of
 * {@code STRATUM_TEST_POSTGRES_URL}; skipped without one unless {@code STRATUM_TEST_REQUIRE_POSTGRES=true}.
 */
class BenchSmokePostgresTest {

    @Test
    void everyWorkloadRunsOnPostgres(@TempDir Path directory) throws Exception {
        String url = SmokeRun.serverUrl(
                "postgres", "STRATUM_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        SmokeRun.run(BackendKind.POSTGRESQL, url, directory);
    }
}
