package io.stratum.postgres;

import io.stratum.contract.AgentRepositoryContract;
import io.stratum.contract.AuditContract;
import io.stratum.contract.ConcurrentMigrationContract;
import io.stratum.contract.MemoryRepositoryContract;
import io.stratum.contract.MigrationContract;
import io.stratum.contract.RetentionContract;
import io.stratum.contract.SchemaConstraintContract;
import io.stratum.contract.SessionRepositoryContract;
import io.stratum.contract.TaskRepositoryContract;
import io.stratum.contract.TestDatabase;
import io.stratum.contract.TransactionContract;
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

    @Nested
    class Transactions extends TransactionContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresDatabases();
        }
    }

    @Nested
    class Sessions extends SessionRepositoryContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresDatabases();
        }
    }

    @Nested
    class Agents extends AgentRepositoryContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresDatabases();
        }
    }

    @Nested
    class Memory extends MemoryRepositoryContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresDatabases();
        }
    }

    @Nested
    class Audit extends AuditContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresDatabases();
        }
    }

    @Nested
    class Retention extends RetentionContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresDatabases();
        }
    }
}
