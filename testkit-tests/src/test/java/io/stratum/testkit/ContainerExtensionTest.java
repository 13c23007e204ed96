package io.stratum.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import io.stratum.testkit.tck.ScratchDatabases;
import org.junit.jupiter.api.Test;

/**
 * What a user's suite gets with no URL configured: {@code @StratumTest} tests on the JVM's containers (the ones the
 * conformance classes use too), each test in a database copied from the migrated template, dropped afterwards.
 */
class ContainerExtensionTest {

    @Test
    @StratumTest(backend = "postgresql")
    void postgresTestsRunOnTheContainer(Stratum db) {
        assertThat(db.backendName()).isEqualTo("postgresql");
        assertOnServer(db, ScratchDatabases.of("postgresql").serverUrl());
        db.tasks().submit(NewTask.builder("runs in a container", "tester").build());
        assertThat(db.tasks().count(TaskFilters.all())).isEqualTo(1);
    }

    @Test
    @StratumTest(backend = "postgresql")
    void eachTestHasADatabaseOfItsOwn(Stratum db) {
        assertThat(db.tasks().count(TaskFilters.all())).isZero();
    }

    @Test
    @StratumTest(backend = "mariadb")
    void mariaDbTestsRunOnTheContainer(Stratum db) {
        assertThat(db.backendName()).isEqualTo("mariadb");
        assertOnServer(db, ScratchDatabases.of("mariadb").serverUrl());
        db.tasks().submit(NewTask.builder("runs in a container", "tester").build());
        assertThat(db.tasks().count(TaskFilters.all())).isEqualTo(1);
    }

    /** The test's database is on the server (host and port) of {@code serverUrl}. */
    private static void assertOnServer(Stratum db, String serverUrl) {
        String hostAndPort = serverUrl.replaceFirst("^jdbc:[a-z]+://([^/]+)/.*$", "$1");
        try (var connection = db.dataSource().getConnection()) {
            assertThat(connection.getMetaData().getURL()).contains(hostAndPort);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
