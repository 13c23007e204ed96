package io.stratum.bench;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole benchmark at smoke sizes on MariaDB, in scratch databases on the server of
 * {@code STRATUM_TEST_MARIADB_URL}; skipped without one unless {@code STRATUM_TEST_REQUIRE_MARIADB=true}.
 */
class BenchSmokeMariaDbTest {

    @Test
    void everyWorkloadRunsOnMariaDb(@TempDir Path directory) throws Exception {
        String url = SmokeRun.serverUrl("mariadb", "STRATUM_TEST_MARIADB_URL", Options.DEFAULT_MARIADB_URL);
        SmokeRun.run(BackendKind.MARIADB, url, directory);
    }
}
