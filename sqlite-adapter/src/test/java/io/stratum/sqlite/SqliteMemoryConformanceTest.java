package io.stratum.sqlite;

import io.stratum.contract.AgentRepositoryContract;
import io.stratum.contract.AuditContract;
import io.stratum.contract.MemoryRepositoryContract;
import io.stratum.contract.MigrationContract;
import io.stratum.contract.RetentionContract;
import io.stratum.contract.SchemaConstraintContract;
import io.stratum.contract.SessionRepositoryContract;
import io.stratum.contract.TaskRepositoryContract;
import io.stratum.contract.TestDatabase;
import io.stratum.contract.TransactionContract;
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

    @Nested
    class Transactions extends TransactionContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteMemoryDatabases();
        }
    }

    @Nested
    class Sessions extends SessionRepositoryContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteMemoryDatabases();
        }
    }

    @Nested
    class Agents extends AgentRepositoryContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteMemoryDatabases();
        }
    }

    @Nested
    class Memory extends MemoryRepositoryContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteMemoryDatabases();
        }
    }

    @Nested
    class Audit extends AuditContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteMemoryDatabases();
        }
    }

    @Nested
    class Retention extends RetentionContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteMemoryDatabases();
        }
    }
}
