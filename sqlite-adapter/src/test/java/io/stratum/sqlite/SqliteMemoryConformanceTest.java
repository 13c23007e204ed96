package io.stratum.sqlite;

import io.stratum.testkit.tck.ConformanceSuite;

/**
 * The conformance suite on private in-memory SQLite databases. Each process, indeed each connection, has a
 * database of its own, so the contracts that start other processes do not apply.
 */
class SqliteMemoryConformanceTest extends ConformanceSuite {
    SqliteMemoryConformanceTest() {
        super("sqlite-memory", new SqlitePlans());
    }
}
