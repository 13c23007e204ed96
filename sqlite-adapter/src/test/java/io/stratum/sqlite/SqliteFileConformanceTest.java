package io.stratum.sqlite;

import io.stratum.contract.ConcurrentMigrationContract;
import io.stratum.contract.MigrationContract;
import io.stratum.contract.SchemaConstraintContract;
import io.stratum.contract.TaskRepositoryContract;
import io.stratum.contract.TestDatabase;
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

    @Nested
    class ConcurrentMigrations extends ConcurrentMigrationContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteFileDatabases();
        }
    }
}
