package io.stratum.postgres;

import io.stratum.testkit.tck.MigrationContract;
import io.stratum.testkit.tck.SchemaConstraintContract;
import io.stratum.testkit.tck.TaskRepositoryContract;
import io.stratum.testkit.tck.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The conformance suites on PostgreSQL, one fresh database per suite. */
class PostgresConformanceTest {
    @Nested
    class Tasks extends TaskRepositoryContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresDatabases();
        }
    }

    @Nested
    class Constraints extends SchemaConstraintContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresDatabases();
        }
    }

    @Nested
    class Migrations extends MigrationContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresDatabases();
        }
    }
}
