package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import io.stratum.testkit.StratumTest;
import org.junit.jupiter.api.Test;

@StratumTest // a fresh, migrated in-memory SQLite database for every test
class PlannerTest {

    @Test
    void aTaskWaitsForItsDependency(Stratum db) {
        TaskId plan =
                db.tasks().submit(NewTask.builder("plan the feature", "planner").build());
        TaskId code = db.tasks()
                .submit(NewTask.builder("implement it", "coder").dependsOn(plan).build());

        assertThat(db.tasks().require(plan).status()).isEqualTo(TaskStatus.READY);
        assertThat(db.tasks().require(code).status()).isEqualTo(TaskStatus.PENDING);
    }
}
