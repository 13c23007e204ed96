package io.stratum.cli;

import io.stratum.testkit.tck.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The command contracts on SQLite files. */
class SqliteCommandsTest {
    @Nested
    class Schema extends SchemaCommandsContract {
        @Override
        protected TestDatabase databases() {
            return new SqliteFiles();
        }
    }

    @Nested
    class Tasks extends TaskCommandsContract {
        @Override
        protected TestDatabase databases() {
            return new SqliteFiles();
        }
    }

    @Nested
    class Queue extends QueueCommandsContract {
        @Override
        protected TestDatabase databases() {
            return new SqliteFiles();
        }
    }

    @Nested
    class Demo extends DemoContract {
        @Override
        protected TestDatabase databases() {
            return new SqliteFiles();
        }
    }

    @Nested
    class Memory extends MemoryCommandsContract {
        @Override
        protected TestDatabase databases() {
            return new SqliteFiles();
        }
    }
}
