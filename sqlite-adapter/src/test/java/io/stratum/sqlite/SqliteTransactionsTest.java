package io.stratum.sqlite;

import static io.stratum.codegen.jooq.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.PageRequest;
import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How write transactions begin and end on SQLite files (see ExplicitTransactions). */
class SqliteTransactionsTest {

    @Test
    void anIdlePoolHoldsNoWriteLockAfterCommitting(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.db");
        try (Stratum db = Stratum.open("jdbc:sqlite:" + file)) {
            db.migrate();
            db.tasks().submit(NewTask.builder("written", "coder").build());
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement s = other.createStatement()) {
                s.execute("PRAGMA busy_timeout = 0");
                s.execute("BEGIN IMMEDIATE"); // fails at once with SQLITE_BUSY if a pooled connection kept the lock
                s.execute("ROLLBACK");
            }
        }
    }

    @Test
    void aFailedTransactionLeavesNothingAndNestedOnesRollBackAlone(@TempDir Path dir) {
        try (Stratum db = Stratum.open("jdbc:sqlite:" + dir.resolve("n.db"))) {
            db.migrate();
            db.tasks().submit(NewTask.builder("outside", "coder").build());
            assertThatThrownBy(() -> db.dsl().transaction(outer -> {
                        outer.dsl().execute("DELETE FROM tasks");
                        throw new IllegalStateException("boom");
                    }))
                    .isInstanceOf(IllegalStateException.class);

            db.dsl().transaction(outer -> {
                outer.dsl().update(TASKS).set(TASKS.DESCRIPTION, "outer").execute();
                assertThatThrownBy(() -> outer.dsl().transaction(inner -> {
                            inner.dsl().execute("UPDATE tasks SET summary = 'changed'");
                            throw new IllegalStateException("inner");
                        }))
                        .isInstanceOf(IllegalStateException.class);
            });
            assertThat(db.tasks().list(TaskFilters.all(), PageRequest.first()).items())
                    .extracting(t -> t.summary() + "/" + t.description())
                    .containsExactly("outside/outer");
        }
    }
}
