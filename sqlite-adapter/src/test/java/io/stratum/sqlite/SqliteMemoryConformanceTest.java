package io.stratum.sqlite;

import io.stratum.testkit.tck.MigrationContract;
import io.stratum.testkit.tck.SchemaConstraintContract;
import io.stratum.testkit.tck.TaskRepositoryContract;
import io.stratum.testkit.tck.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The conformance suites on private in-memory SQLite databases. */
class SqliteMemoryConformanceTest {
    @Nested
    class Tasks extends TaskRepositoryContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteMemoryDatabases();
        }
    }

    @Nested
    class Constraints extends SchemaConstraintContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteMemoryDatabases();
        }
    }

    @Nested
    class Migrations extends MigrationContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteMemoryDatabases();
        }
    }
}
