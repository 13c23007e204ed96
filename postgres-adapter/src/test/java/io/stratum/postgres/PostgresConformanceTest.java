package io.stratum.postgres;

import io.stratum.testkit.tck.Capability;
import io.stratum.testkit.tck.ConformanceSuite;

/** The conformance suite on PostgreSQL, one fresh database per contract. */
class PostgresConformanceTest extends ConformanceSuite {
    PostgresConformanceTest() {
        super("postgresql", new PostgresPlans(), Capability.SHARED_ACROSS_PROCESSES);
    }
}
