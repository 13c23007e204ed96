package io.stratum.bench;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole benchmark at smoke sizes on SQLite files: it runs and its answers are correct. */
class BenchSmokeTest {

    @Test
    void everyWorkloadRunsOnSqlite(@TempDir Path directory) throws Exception {
        SmokeRun.run(BackendKind.SQLITE, null, directory);
    }
}
