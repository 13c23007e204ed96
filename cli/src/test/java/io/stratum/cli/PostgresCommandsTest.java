package io.stratum.cli;

import io.stratum.testkit.tck.PostgresScratchDatabases;
import io.stratum.testkit.tck.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The command contracts on PostgreSQL, a database of their own per suite. */
class PostgresCommandsTest {
    @Nested
    class Schema extends SchemaCommandsContract {
        @Override
        protected TestDatabase databases() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class Tasks extends TaskCommandsContract {
        @Override
        protected TestDatabase databases() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class Queue extends QueueCommandsContract {
        @Override
        protected TestDatabase databases() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class Demo extends DemoContract {
        @Override
        protected TestDatabase databases() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class Memory extends MemoryCommandsContract {
        @Override
        protected TestDatabase databases() {
            return new PostgresScratchDatabases();
        }
    }
}
