package io.stratum.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Json;
import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.Task;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quick start, verbatim apart from the file location, so that it keeps compiling and working. */
class ReadmeQuickStartTest {
    @Test
    void quickStartRuns(@TempDir Path dir) {
        try (Stratum db = Stratum.open("jdbc:sqlite:" + dir.resolve("stratum.db"))) {
            db.migrate();
            TaskId plan = db.tasks().submit(NewTask.builder("plan the feature", "planner")
                    .priority(7)
                    .inputData(Json.of("{\"spec\": \"docs/feature.md\"}"))
                    .build());
            TaskId code = db.tasks().submit(NewTask.builder("implement it", "coder").dependsOn(plan).build());

            Task waiting = db.tasks().require(code);
            List<Task> ready = db.tasks().getReadyTasks(10);
            long coders = db.tasks().count(TaskFilters.builder().agentType("coder").build());
            db.tasks().update(waiting.toBuilder().priority(9).build());
            db.tasks().updateStatus(plan, TaskStatus.CANCELLED);

            assertThat(waiting.status()).isEqualTo(TaskStatus.PENDING);
            assertThat(waiting.dependencyDepth()).isEqualTo(1);
            assertThat(ready).extracting(Task::id).containsExactly(plan);
            assertThat(coders).isEqualTo(1);
        }
    }
}
