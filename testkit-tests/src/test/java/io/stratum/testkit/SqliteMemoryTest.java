package io.stratum.testkit;

import static io.stratum.codegen.jooq.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The default backend: a private, migrated in-memory SQLite database per test. */
@StratumTest
class SqliteMemoryTest {
    @StratumInject
    Stratum injected;

    @StratumInject
    DSLContext injectedDsl;

    private Stratum seenInBeforeEach;

    @BeforeEach
    void seeTheStoreBeforeTheTest(Stratum db) {
        seenInBeforeEach = db;
    }

    @Test
    void injectsOneStoreIntoParametersFieldsAndBeforeEach(
            Stratum db, DSLContext dsl, DataSource dataSource, Fixtures fixtures) throws SQLException {
        assertThat(db).isSameAs(injected).isSameAs(seenInBeforeEach);
        assertThat(dsl).isSameAs(db.dsl()).isSameAs(injectedDsl);
        assertThat(db.backendName()).isEqualTo("sqlite");
        assertThat(fixtures.tasks()).isEmpty();

        db.tasks().submit(NewTask.builder("write the test", "tester").build());
        assertThat(dsl.fetchCount(TASKS)).isEqualTo(1);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM tasks")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    @RepeatedTest(3)
    void everyTestStartsFromAnEmptyMigratedDatabase(Stratum db) {
        assertThat(db.tasks().count(TaskFilters.all())).isZero();
        assertThat(db.schema().status()).isNotEmpty().allMatch(changeSet -> changeSet.applied());
        db.tasks().submit(NewTask.builder("leave something behind", "tester").build());
    }

    @Nested
    class InANestedClass {
        @Test
        void theEnclosingAnnotationApplies(Stratum db) {
            assertThat(db).isSameAs(injected);
            assertThat(db.backendName()).isEqualTo("sqlite");
            assertThat(db.tasks().count(TaskFilters.all())).isZero();
        }
    }

    @Test
    @StratumTest(backend = "sqlite-file")
    void aMethodAnnotationReplacesTheClassOne(Stratum db, DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL())
                    .doesNotContain(":memory:")
                    .endsWith("stratum.db");
        }
    }
}
