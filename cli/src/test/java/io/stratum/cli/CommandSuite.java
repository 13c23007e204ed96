package io.stratum.cli;

import io.stratum.testkit.tck.ScratchDatabases;
import org.junit.jupiter.api.Nested;

/** The command contracts, as inherited {@code @Nested} classes, on the test database service a subclass names. */
abstract class CommandSuite {
    private final String testDatabaseService;

    CommandSuite(String testDatabaseService) {
        this.testDatabaseService = testDatabaseService;
    }

    private ScratchDatabases scratchDatabases() {
        return ScratchDatabases.of(testDatabaseService);
    }

    @Nested
    class Schema extends SchemaCommandsContract {
        @Override
        protected ScratchDatabases databases() {
            return scratchDatabases();
        }
    }

    @Nested
    class Tasks extends TaskCommandsContract {
        @Override
        protected ScratchDatabases databases() {
            return scratchDatabases();
        }
    }

    @Nested
    class Queue extends QueueCommandsContract {
        @Override
        protected ScratchDatabases databases() {
            return scratchDatabases();
        }
    }

    @Nested
    class Observe extends ObserveCommandsContract {
        @Override
        protected ScratchDatabases databases() {
            return scratchDatabases();
        }
    }

    @Nested
    class Demo extends DemoContract {
        @Override
        protected ScratchDatabases databases() {
            return scratchDatabases();
        }
    }

    @Nested
    class Memory extends MemoryCommandsContract {
        @Override
        protected ScratchDatabases databases() {
            return scratchDatabases();
        }
    }
}
