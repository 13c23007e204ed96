package io.stratum.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liquibase remembers, for the rest of the JVM, that the database at a URL was found up to date. Every in-memory
 * store has the same URL and a database of its own, and a file deleted and created again is a new database at
 * the same URL: each must still get its schema.
 */
class SqliteInMemoryMigrationTest {

    @Test
    void everyInMemoryStoreGetsTheSchemaAfterAnotherWasFoundUpToDate() {
        for (int store = 0; store < 3; store++) {
            try (Stratum db = Stratum.open("jdbc:sqlite::memory:")) {
                assertThat(db.schema().state().applied())
                        .as("store %s before migrate", store)
                        .isZero();
                db.migrate();
                db.migrate(); // finds it up to date
                assertThat(db.schema().state().upToDate()).isTrue();
                db.tasks().submit(NewTask.builder("store " + store, "coder").build());
                assertThat(db.tasks().count(TaskFilters.all())).isOne();
            }
        }
    }

    @Test
    void aFileCreatedAgainAtTheSameUrlGetsTheSchema(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("again.db");
        for (int round = 0; round < 2; round++) {
            try (Stratum db = Stratum.open("jdbc:sqlite:" + file)) {
                db.migrate();
                db.migrate();
                db.tasks().submit(NewTask.builder("round " + round, "coder").build());
                assertThat(db.tasks().count(TaskFilters.all())).isOne();
            }
            for (String suffix : new String[] {"", "-wal", "-shm", ".migrate-lock"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        }
    }
}
