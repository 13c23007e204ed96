package io.stratum.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 200 tests per backend, each on a database of its own; {@link IsolationTimer} logs what creating and
 * removing those databases cost per test ("isolation cost of ..." in the build output). Measured, not asserted.
 */
class IsolationCostTest {
    private static final int TESTS = 200;

    static void useTheDatabase(Stratum db) {
        assertThat(db.tasks().count(TaskFilters.all())).isZero();
        TaskId id =
                db.tasks().submit(NewTask.builder("one task per test", "tester").build());
        assertThat(db.tasks().require(id).summary()).isEqualTo("one task per test");
    }

    @Nested
    @ExtendWith(IsolationTimer.class)
    @StratumTest(backend = "postgresql")
    class Postgres {
        @RepeatedTest(TESTS)
        void test(Stratum db) {
            useTheDatabase(db);
        }
    }

    @Nested
    @ExtendWith(IsolationTimer.class)
    @StratumTest(backend = "sqlite-file")
    class SqliteFile {
        @RepeatedTest(TESTS)
        void test(Stratum db) {
            useTheDatabase(db);
        }
    }

    @Nested
    @ExtendWith(IsolationTimer.class)
    @StratumTest(backend = "sqlite-memory")
    class SqliteMemory {
        @RepeatedTest(TESTS)
        void test(Stratum db) {
            useTheDatabase(db);
        }
    }
}
