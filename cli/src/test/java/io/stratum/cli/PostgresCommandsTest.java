package io.stratum.cli;

import org.junit.jupiter.api.Nested;

/** The command contracts on PostgreSQL, a database of their own per suite. */
class PostgresCommandsTest {
    @Nested
    class Schema extends SchemaCommandsContract {
        @Override
        protected TestDatabases databases() {
            return new PostgresServer();
        }
    }

    @Nested
    class Tasks extends TaskCommandsContract {
        @Override
        protected TestDatabases databases() {
            return new PostgresServer();
        }
    }

    @Nested
    class Queue extends QueueCommandsContract {
        @Override
        protected TestDatabases databases() {
            return new PostgresServer();
        }
    }

    @Nested
    class Demo extends DemoContract {
        @Override
        protected TestDatabases databases() {
            return new PostgresServer();
        }
    }

    @Nested
    class Memory extends MemoryCommandsContract {
        @Override
        protected TestDatabases databases() {
            return new PostgresServer();
        }
    }
}
