package io.stratum.cli;

import org.junit.jupiter.api.Nested;

/** The command contracts on SQLite files. */
class SqliteCommandsTest {
    @Nested
    class Schema extends SchemaCommandsContract {
        @Override
        protected TestDatabases databases() {
            return new SqliteFiles();
        }
    }

    @Nested
    class Tasks extends TaskCommandsContract {
        @Override
        protected TestDatabases databases() {
            return new SqliteFiles();
        }
    }

    @Nested
    class Queue extends QueueCommandsContract {
        @Override
        protected TestDatabases databases() {
            return new SqliteFiles();
        }
    }

    @Nested
    class Demo extends DemoContract {
        @Override
        protected TestDatabases databases() {
            return new SqliteFiles();
        }
    }

    @Nested
    class Memory extends MemoryCommandsContract {
        @Override
        protected TestDatabases databases() {
            return new SqliteFiles();
        }
    }
}
