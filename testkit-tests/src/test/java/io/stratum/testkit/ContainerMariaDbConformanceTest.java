package io.stratum.testkit;

/** Part of the conformance suite on the JVM's MariaDB container. */
class ContainerMariaDbConformanceTest extends ContainerSuite {
    ContainerMariaDbConformanceTest() {
        super("mariadb");
    }
}
