package io.stratum.testkit;

import static io.stratum.codegen.jooq.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** PostgreSQL from STRATUM_TEST_POSTGRES_URL: every test on a database of its own, cloned from a migrated template. */
@StratumTest(backend = "postgresql")
class PostgresBackendTest {
    private static final Set<String> DATABASES = ConcurrentHashMap.newKeySet();

    @RepeatedTest(3)
    void everyTestGetsAFreshMigratedDatabase(Stratum db, DSLContext dsl) {
        assertThat(db.backendName()).isEqualTo("postgresql");
        assertThat(DATABASES.add(dsl.fetchSingle("SELECT current_database()").get(0, String.class)))
                .isTrue();
        assertThat(db.tasks().count(TaskFilters.all())).isZero();
        assertThat(db.schema().status()).isNotEmpty().allMatch(changeSet -> changeSet.applied());
        db.tasks().submit(NewTask.builder("leave something behind", "tester").build());
        assertThat(dsl.fetchCount(TASKS)).isEqualTo(1);
    }

    @Test
    void migrateFindsNothingToDo(Stratum db) {
        db.migrate();
        assertThat(db.schema().status()).allMatch(changeSet -> changeSet.applied());
    }
}
