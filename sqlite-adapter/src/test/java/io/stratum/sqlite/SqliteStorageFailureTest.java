package io.stratum.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.Json;
import io.stratum.Stratum;
import io.stratum.Unavailable;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk and a read-only database give typed errors and leave the stored data intact. */
class SqliteStorageFailureTest {

    @Test
    void fullDatabaseIsATypedErrorAndKeepsWhatWasStored(@TempDir Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("full.db");
        TaskId kept;
        try (Stratum db = Stratum.open(url)) {
            db.migrate();
            kept = db.tasks()
                    .submit(NewTask.builder("stored before the disk filled up", "coder")
                            .build());
        }
        // max_page_count caps the file the way a full disk does: SQLite answers SQLITE_FULL.
        try (Stratum db = Stratum.builder()
                .url(url)
                .driverProperty("max_page_count", "64")
                .open()) {
            Json big = Json.of("\"" + "x".repeat(200_000) + "\"");
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 50; i++) {
                            db.tasks()
                                    .submit(NewTask.builder("filler " + i, "coder")
                                            .inputData(big)
                                            .build());
                        }
                    })
                    .isInstanceOfSatisfying(
                            Unavailable.class, e -> assertThat(e.getMessage()).contains("SQLITE_FULL"));
        }
        try (Stratum db = Stratum.open(url)) {
            assertThat(db.tasks().require(kept).summary()).isEqualTo("stored before the disk filled up");
            assertThat(db.dsl().fetchValue("PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(db.tasks().count(TaskFilters.all())).isLessThan(51);
        }
    }

    @Test
    void readOnlyDatabaseRefusesWritesWithATypedError(@TempDir Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("ro.db");
        try (Stratum db = Stratum.open(url)) {
            db.migrate();
            db.tasks().submit(NewTask.builder("existing", "coder").build());
        }
        try (Stratum db =
                Stratum.builder().url(url).driverProperty("open_mode", "1").open()) { // SQLITE_OPEN_READONLY
            assertThat(db.tasks().count(TaskFilters.all())).isEqualTo(1);
            assertThatThrownBy(() ->
                            db.tasks().submit(NewTask.builder("new", "coder").build()))
                    .isInstanceOfSatisfying(Unavailable.class, e -> {
                        assertThat(e.getMessage())
                                .contains("READONLY", "refused the write", "nothing was applied")
                                .doesNotContain("connection broke", "may or may not");
                        assertThat(e.isRetryable()).isFalse();
                    });
            assertThat(db.tasks().count(TaskFilters.all())).isEqualTo(1);
        }
    }

    @Test
    void aDatabaseFileDeletedWhileOpenRefusesWritesAndSaysNothingWasApplied(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vanishing.db");
        // In the rollback-journal mode SQLite checks, before it commits, that the file it opened is still there
        // (in WAL mode it does not, and the write goes to the deleted file).
        try (Stratum db = Stratum.builder()
                .url("jdbc:sqlite:" + file)
                .driverProperty("journal_mode", "DELETE")
                .open()) {
            db.migrate();
            db.tasks().submit(NewTask.builder("before", "coder").build());
            Files.delete(file);
            // SQLite notices that the file it opened is gone and answers SQLITE_READONLY_DBMOVED.
            assertThatThrownBy(() ->
                            db.tasks().submit(NewTask.builder("after", "coder").build()))
                    .isInstanceOfSatisfying(Unavailable.class, e -> {
                        assertThat(e.getMessage())
                                .contains("refused the write", "nothing was applied")
                                .doesNotContain("connection broke", "may or may not");
                        assertThat(e.isRetryable()).isFalse();
                    });
            assertThat(file).doesNotExist();
        }
    }
}
