package io.stratum.sqlite;

import io.stratum.testkit.tck.Capability;
import io.stratum.testkit.tck.ConformanceSuite;

/** The conformance suite on SQLite database files (WAL). */
class SqliteFileConformanceTest extends ConformanceSuite {
    SqliteFileConformanceTest() {
        super("sqlite-file", new SqlitePlans(), Capability.SHARED_ACROSS_PROCESSES);
    }
}
