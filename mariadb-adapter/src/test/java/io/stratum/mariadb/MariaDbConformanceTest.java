package io.stratum.mariadb;

import io.stratum.testkit.tck.Capability;
import io.stratum.testkit.tck.ConformanceSuite;

/** The conformance suite on MariaDB, one fresh database per contract. */
class MariaDbConformanceTest extends ConformanceSuite {
    MariaDbConformanceTest() {
        super("mariadb", new MariaDbPlans(), Capability.SHARED_ACROSS_PROCESSES);
    }
}
