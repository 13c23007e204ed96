package io.stratum.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.stratum.Json;
import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.Task;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start, verbatim (DocSamplesTest checks that), so that it keeps compiling and working. It
 * opens {@code stratum.db} in the working directory, as the README does: under Maven that is the module's
 * directory; the test leaves no file behind, and does not run where a {@code stratum.db} already exists.
 */
class ReadmeQuickStartTest {
    private static final List<Path> FILES = List.of(
            Path.of("stratum.db"),
            Path.of("stratum.db-wal"),
            Path.of("stratum.db-shm"),
            Path.of("stratum.db.migrate-lock"));

    @BeforeEach
    void noDatabaseOfSomeoneElse() {
        assumeFalse(FILES.stream().anyMatch(Files::exists), "a stratum.db exists in the working directory");
    }

    @AfterEach
    void removeTheDatabase() throws IOException {
        for (Path file : FILES) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void quickStartRuns() {
        try (Stratum db = Stratum.open("jdbc:sqlite:stratum.db")) { // or jdbc:postgresql://host/db?user=...
            db.migrate(); // Liquibase; idempotent
            TaskId plan = db.tasks()
                    .submit(NewTask.builder("plan the feature", "planner")
                            .priority(7)
                            .inputData(Json.of("{\"spec\": \"docs/feature.md\"}"))
                            .build());
            TaskId code = db.tasks()
                    .submit(NewTask.builder("implement it", "coder")
                            .dependsOn(plan)
                            .build());

            Task waiting = db.tasks().require(code); // status PENDING, dependencyDepth 1
            List<Task> ready = db.tasks().getReadyTasks(10); // [plan]
            long coders =
                    db.tasks().count(TaskFilters.builder().agentType("coder").build());
            db.tasks().update(waiting.toBuilder().priority(9).build()); // optimistic: StaleVersion if it moved on
            db.tasks().updateStatus(plan, TaskStatus.CANCELLED); // only legal transitions
            assertThat(waiting.status()).isEqualTo(TaskStatus.PENDING);
            assertThat(waiting.dependencyDepth()).isEqualTo(1);
            assertThat(ready).extracting(Task::id).containsExactly(plan);
            assertThat(coders).isEqualTo(1);
            assertThat(db.tasks().require(code).priority()).isEqualTo(9);
            assertThat(db.tasks().require(plan).status()).isEqualTo(TaskStatus.CANCELLED);
        }
    }
}
