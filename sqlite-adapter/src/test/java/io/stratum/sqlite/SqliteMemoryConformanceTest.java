package io.stratum.sqlite;

import io.stratum.contract.MigrationContract;
import io.stratum.contract.SchemaConstraintContract;
import io.stratum.contract.TaskRepositoryContract;
import io.stratum.contract.TestDatabase;
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
