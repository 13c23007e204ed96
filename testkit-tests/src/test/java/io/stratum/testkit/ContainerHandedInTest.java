package io.stratum.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import io.stratum.testkit.tck.ScratchDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A suite that starts a container of its own and hands its URL to the extension: the tests run there, not on the
 * JVM's container the testkit would start.
 */
class ContainerHandedInTest {
    static final GenericContainer<?> POSTGRES = new GenericContainer<>(
                    DockerImageName.parse(System.getenv("STRATUM_TEST_POSTGRES_IMAGE"))
                            .asCompatibleSubstituteFor("postgres"))
            .withEnv("POSTGRES_USER", "own")
            .withEnv("POSTGRES_PASSWORD", "own")
            .withEnv("POSTGRES_DB", "own")
            .withExposedPorts(5432)
            .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2));

    @RegisterExtension
    static final StratumExtension STRATUM = StratumExtension.on(
            "postgresql",
            () -> "jdbc:postgresql://" + POSTGRES.getHost() + ":" + POSTGRES.getMappedPort(5432)
                    + "/own?user=own&password=own");

    @BeforeAll
    static void start() {
        POSTGRES.start();
    }

    @AfterAll
    static void stop() {
        POSTGRES.stop();
    }

    @Test
    void testsRunOnTheHandedInContainer(Stratum db) throws SQLException {
        String own = POSTGRES.getHost() + ":" + POSTGRES.getMappedPort(5432) + "/";
        try (Connection connection = db.dataSource().getConnection()) {
            assertThat(connection.getMetaData().getURL()).contains(own);
            assertThat(connection.getMetaData().getUserName()).isEqualTo("own");
        }
        assertThat(ScratchDatabases.of("postgresql").serverUrl()).doesNotContain(own);
        db.tasks()
                .submit(NewTask.builder("on a container of the suite's own", "tester")
                        .build());
        assertThat(db.tasks().count(TaskFilters.all())).isEqualTo(1);
    }
}
