package io.stratum.postgres;

import io.stratum.contract.ConcurrentMigrationContract;
import io.stratum.contract.MigrationContract;
import io.stratum.contract.SchemaConstraintContract;
import io.stratum.contract.TaskRepositoryContract;
import io.stratum.contract.TestDatabase;
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

    @Nested
    class ConcurrentMigrations extends ConcurrentMigrationContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresDatabases();
        }
    }
}
