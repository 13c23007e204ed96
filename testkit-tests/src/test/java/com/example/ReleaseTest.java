package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Stratum;
import io.stratum.task.Task;
import io.stratum.testkit.Fixtures;
import io.stratum.testkit.StratumInject;
import io.stratum.testkit.StratumTest;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

@StratumTest(backend = "postgresql", fixtures = "/fixtures/release.yaml")
class ReleaseTest {
    @StratumInject
    DSLContext dsl; // fields work too: Stratum, DSLContext, DataSource, Fixtures

    @Test
    void onlyTheSpecIsReady(Stratum db, Fixtures fixtures) {
        assertThat(db.tasks().getReadyTasks(10)).extracting(Task::id).containsExactly(fixtures.task("spec"));
        assertThat(db.tasks().require(fixtures.task("build")).dependencies()).containsExactly(fixtures.task("spec"));
    }

    @Test
    void yourOwnQueriesSeeTheSameDatabase() {
        assertThat(dsl.fetchCount(DSL.table("tasks"))).isEqualTo(2);
    }
}
