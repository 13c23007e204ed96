package io.stratum.postgres;

import io.stratum.Stratum;
import io.stratum.testkit.tck.AgentRepositoryContract;
import io.stratum.testkit.tck.AuditContract;
import io.stratum.testkit.tck.ConcurrencyContract;
import io.stratum.testkit.tck.ConcurrentMigrationContract;
import io.stratum.testkit.tck.DependencyShapeContract;
import io.stratum.testkit.tck.MemoryRepositoryContract;
import io.stratum.testkit.tck.MigrationContract;
import io.stratum.testkit.tck.MultiProcessContract;
import io.stratum.testkit.tck.PostgresScratchDatabases;
import io.stratum.testkit.tck.QueryPlanContract;
import io.stratum.testkit.tck.QueueContract;
import io.stratum.testkit.tck.RetentionContract;
import io.stratum.testkit.tck.SchemaConstraintContract;
import io.stratum.testkit.tck.SessionRepositoryContract;
import io.stratum.testkit.tck.SubmitContract;
import io.stratum.testkit.tck.TaskRepositoryContract;
import io.stratum.testkit.tck.TestDatabase;
import io.stratum.testkit.tck.TransactionContract;
import java.util.List;
import org.jooq.Query;
import org.junit.jupiter.api.Nested;

/** The conformance suites on PostgreSQL, one fresh database per suite. */
class PostgresConformanceTest {
    @Nested
    class Tasks extends TaskRepositoryContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class Constraints extends SchemaConstraintContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class Migrations extends MigrationContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class ConcurrentMigrations extends ConcurrentMigrationContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class Transactions extends TransactionContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class Sessions extends SessionRepositoryContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class Agents extends AgentRepositoryContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class Memory extends MemoryRepositoryContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class Audit extends AuditContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class Retention extends RetentionContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class Submit extends SubmitContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class Queue extends QueueContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class Shapes extends DependencyShapeContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class Concurrency extends ConcurrencyContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class Processes extends MultiProcessContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresScratchDatabases();
        }
    }

    @Nested
    class Plans extends QueryPlanContract {
        @Override
        protected TestDatabase testDatabase() {
            return new PostgresScratchDatabases();
        }

        @Override
        protected List<String> plan(Stratum store, Query query) {
            return PostgresPlans.plan(store, query);
        }

        @Override
        protected boolean isFullScan(String planLine) {
            return PostgresPlans.isFullScan(planLine);
        }
    }
}
