package io.stratum.testkit.tck;

import static io.stratum.codegen.jooq.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.SchemaMigrations.ChangeSetState;
import io.stratum.Stratum;
import io.stratum.StratumException;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Applying, inspecting, rolling back and re-applying the Liquibase changelog. */
public abstract class MigrationContract extends ContractSupport {

    @Test
    void freshDatabaseHasEverythingPendingThenEverythingApplied() {
        try (Stratum fresh = openFresh(clock)) {
            List<ChangeSetState> before = fresh.schema().status();
            assertThat(before).isNotEmpty().noneMatch(ChangeSetState::applied);
            fresh.migrate();
            List<ChangeSetState> after = fresh.schema().status();
            assertThat(after).hasSameSizeAs(before).allMatch(ChangeSetState::applied);
            fresh.migrate(); // idempotent
            assertThat(fresh.schema().status()).allMatch(ChangeSetState::applied);
        }
    }

    @Test
    void fullRollbackRemovesTheSchemaAndReapplyRestoresIt() {
        try (Stratum fresh = openFresh(clock)) {
            fresh.migrate();
            fresh.tasks().submit(NewTask.builder("before rollback", "coder").build());
            int changeSets = fresh.schema().status().size();

            fresh.schema().rollback(changeSets);

            assertThat(fresh.schema().status()).noneMatch(ChangeSetState::applied);
            assertThatThrownBy(() -> fresh.dsl().fetchCount(TASKS)).isInstanceOf(StratumException.class);

            fresh.migrate();
            assertThat(fresh.schema().status()).allMatch(ChangeSetState::applied);
            assertThat(fresh.tasks().count(TaskFilters.all())).isZero();
            fresh.tasks().submit(NewTask.builder("after re-apply", "coder").build());
            assertThat(fresh.tasks().count(TaskFilters.all())).isEqualTo(1);
        }
    }

    @Test
    void partialRollbackUndoesTheNewestChangeSetsOnly() {
        try (Stratum fresh = openFresh(clock)) {
            fresh.migrate();
            int all = fresh.schema().status().size();
            fresh.schema().rollback(2);
            List<ChangeSetState> status = fresh.schema().status();
            assertThat(status.subList(0, all - 2)).allMatch(ChangeSetState::applied);
            assertThat(status.subList(all - 2, all)).noneMatch(ChangeSetState::applied);
            fresh.migrate();
            assertThat(fresh.schema().status()).allMatch(ChangeSetState::applied);
        }
    }
}
