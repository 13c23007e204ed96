package io.stratum.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.testkit.internal.ServerSelection;
import io.stratum.testkit.internal.ServerSource;
import io.stratum.testkit.internal.Settings;
import io.stratum.testkit.internal.TestDatabases;
import io.stratum.testkit.internal.TestcontainersRuntime;
import io.stratum.testkit.tck.MigrationContract;
import io.stratum.testkit.tck.QueueContract;
import io.stratum.testkit.tck.ScratchDatabases;
import io.stratum.testkit.tck.SubmitContract;
import io.stratum.testkit.tck.TaskRepositoryContract;
import io.stratum.testkit.tck.TransactionContract;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A representative part of the conformance suite (tasks, migrations, transactions, submit, queue) on
 * the server the testkit finds with no URL configured: the JVM's container. Run by {@code scripts/containers}, which
 * unsets the URL settings, names the image and requires the backend, so that a missing container fails the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainerSuite {
    private static final Settings SETTINGS =
            new Settings(name -> Optional.ofNullable(System.getProperty(name)), System::getenv);

    private final String service;

    ContainerSuite(String service) {
        this.service = service;
    }

    private ScratchDatabases databases() {
        return ScratchDatabases.of(service);
    }

    @Test
    void theServerIsTheJvmsContainer() {
        ServerSource source =
                ServerSelection.select(TestDatabases.service(service), "", SETTINGS, TestcontainersRuntime.INSTANCE);
        assertThat(source).isInstanceOf(ServerSource.Container.class);
        ServerSource.Container container = (ServerSource.Container) source;
        try (ScratchDatabases databases = databases()) {
            assertThat(databases.serverUrl())
                    .isEqualTo(TestcontainersRuntime.INSTANCE.serverUrl(container.backend(), container.image()));
        }
    }

    @Nested
    class Tasks extends TaskRepositoryContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Migrations extends MigrationContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Transactions extends TransactionContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Submit extends SubmitContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Queue extends QueueContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }
}
