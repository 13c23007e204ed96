package io.stratum.testkit.tck;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance suite: every contract, as an inherited {@code @Nested} class, run on the backend
 * configuration a subclass names. A backend certifies itself with one subclass per configuration:
 *
 * <pre>{@code
 * class SqliteFileConformanceTest extends ConformanceSuite {
 *     SqliteFileConformanceTest() {
 *         super("sqlite-file", new SqlitePlans(), Capability.SHARED_ACROSS_PROCESSES);
 *     }
 * }
 * }</pre>
 *
 * <p>A contract added here runs on every backend. One that needs a {@link Capability} carries
 * {@code @RequiresCapability} and is reported as disabled where the capability is missing. Surefire reports every
 * contract of a backend in the subclass's report ({@code TEST-<subclass>.xml}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConformanceSuite {
    private final String testDatabaseService;
    private final QueryPlans plans;
    private final Set<Capability> capabilities;

    /**
     * @param testDatabaseService name of the {@link io.stratum.spi.TestDatabaseService} the databases come from
     * @param plans how the backend explains query plans
     * @param capabilities what the configuration can do beyond the common ground
     */
    protected ConformanceSuite(String testDatabaseService, QueryPlans plans, Capability... capabilities) {
        this.testDatabaseService = Objects.requireNonNull(testDatabaseService, "testDatabaseService");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.capabilities = EnumSet.noneOf(Capability.class);
        this.capabilities.addAll(List.of(capabilities));
    }

    /** The name of the test database service under test. */
    public final String name() {
        return testDatabaseService;
    }

    /** Whether the configuration under test has {@code capability}. */
    public final boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    private ScratchDatabases databases() {
        return ScratchDatabases.of(testDatabaseService);
    }

    @Nested
    class Tasks extends TaskRepositoryContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Constraints extends SchemaConstraintContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Migrations extends MigrationContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    @RequiresCapability(Capability.SHARED_ACROSS_PROCESSES)
    class ConcurrentMigrations extends ConcurrentMigrationContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    @RequiresCapability(Capability.SHARED_ACROSS_PROCESSES)
    class SharedChangeLog extends SharedChangeLogContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class ApplicationRows extends ApplicationRowsContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Transactions extends TransactionContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Sessions extends SessionRepositoryContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Agents extends AgentRepositoryContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Memory extends MemoryRepositoryContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Audit extends AuditContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Retention extends RetentionContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Submit extends SubmitContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Queue extends QueueContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Observers extends QueueObserverContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Stats extends StatsContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class DelayedTasks extends DelayedTaskContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class WakeUps extends WakeUpContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Shapes extends DependencyShapeContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Concurrency extends ConcurrencyContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    @RequiresCapability(Capability.SHARED_ACROSS_PROCESSES)
    class Processes extends MultiProcessContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }
    }

    @Nested
    class Plans extends QueryPlanContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return databases();
        }

        @Override
        protected QueryPlans plans() {
            return plans;
        }
    }
}
