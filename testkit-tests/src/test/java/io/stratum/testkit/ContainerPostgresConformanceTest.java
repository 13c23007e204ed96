package io.stratum.testkit;

/** Part of the conformance suite on the JVM's PostgreSQL container. */
class ContainerPostgresConformanceTest extends ContainerSuite {
    ContainerPostgresConformanceTest() {
        super("postgresql");
    }
}
