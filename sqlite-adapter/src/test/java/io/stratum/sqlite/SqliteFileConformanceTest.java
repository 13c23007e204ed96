package io.stratum.sqlite;

import io.stratum.testkit.tck.MigrationContract;
import io.stratum.testkit.tck.SchemaConstraintContract;
import io.stratum.testkit.tck.TaskRepositoryContract;
import io.stratum.testkit.tck.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The conformance suites on SQLite database files (WAL). */
class SqliteFileConformanceTest {
    @Nested
    class Tasks extends TaskRepositoryContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteFileDatabases();
        }
    }

    @Nested
    class Constraints extends SchemaConstraintContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteFileDatabases();
        }
    }

    @Nested
    class Migrations extends MigrationContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteFileDatabases();
        }
    }
}
