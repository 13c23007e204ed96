package io.stratum.sqlite;

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

    @Nested
    class Transactions extends TransactionContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteFileDatabases();
        }
    }

    @Nested
    class Sessions extends SessionRepositoryContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteFileDatabases();
        }
    }

    @Nested
    class Agents extends AgentRepositoryContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteFileDatabases();
        }
    }

    @Nested
    class Memory extends MemoryRepositoryContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteFileDatabases();
        }
    }

    @Nested
    class Audit extends AuditContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteFileDatabases();
        }
    }

    @Nested
    class Retention extends RetentionContract {
        @Override
        protected TestDatabase testDatabase() {
            return new SqliteFileDatabases();
        }
    }
}
