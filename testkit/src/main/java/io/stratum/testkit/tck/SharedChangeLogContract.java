package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.MigrationFailed;
import io.stratum.SchemaMigrations;
import io.stratum.SchemaMigrations.ChangeSetState;
import io.stratum.SchemaState;
import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * One history table for Stratum's changesets and an application's: the application's master changelog includes
 * Stratum's and adds a table, the stock Liquibase command line applies it, and {@link Stratum#migrate()} and the
 * command line agree about what is applied whichever ran first, each leaving the other's changesets alone.
 */
public abstract class SharedChangeLogContract extends ContractSupport {
    private static final String SHOP = StockLiquibase.SHOP_CHANGELOG;
    private static final String SHOP_CHANGESET = "shop-001-invoices::shop";

    @Test
    void stockUpdateOfTheApplicationsChangelogThenStratumFindsItsSchemaCurrent() {
        String shared = databases.freshUrl();
        assertThat(StockLiquibase.run(shared, SHOP, "update").exitCode()).isZero();
        try (Stratum store = Stratum.open(shared)) {
            SchemaState state = store.schema().state();
            assertThat(state.upToDate()).isTrue();
            assertThat(state.others()).containsExactly(SHOP_CHANGESET);
            store.migrate();
            assertThat(store.schema().status())
                    .allMatch(ChangeSetState::applied)
                    .extracting(ChangeSetState::author)
                    .containsOnly(SchemaMigrations.AUTHOR);
            assertThat(store.schema().state().others()).containsExactly(SHOP_CHANGESET);
            assertThat(invoices(store)).isZero();
        }
        StockLiquibase.Result status = StockLiquibase.run(shared, SHOP, "status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.output()).contains("up to date");
    }

    @Test
    void stratumFirstThenStockUpdateAppliesOnlyTheApplicationsChangeSet() {
        String shared = databases.freshUrl();
        try (Stratum store = Stratum.open(shared)) {
            store.migrate();
            submitOne(store);
            assertThat(StockLiquibase.run(shared, SHOP, "update").exitCode()).isZero();
            assertThat(invoices(store)).isZero();
            assertThat(store.tasks().count(TaskFilters.all())).isEqualTo(1);
            assertThat(store.schema().state().upToDate()).isTrue();
            assertThat(store.schema().state().others()).containsExactly(SHOP_CHANGESET);
            StockLiquibase.Result status = StockLiquibase.run(shared, SHOP, "status");
            assertThat(status.output()).contains("up to date");
        }
    }

    @Test
    void stratumsRollbackUndoesOnlyStratumsChangeSetsAndMigrateReappliesThem() {
        String shared = databases.freshUrl();
        try (Stratum store = Stratum.open(shared)) {
            store.migrate();
            assertThat(StockLiquibase.run(shared, SHOP, "update").exitCode()).isZero();
            store.dsl()
                    .insertInto(DSL.table("invoices"), DSL.field("id"), DSL.field("task_id"), DSL.field("total_cents"))
                    .values(1L, "t-1", 1250L)
                    .execute();
            int stratums = store.schema().status().size();

            assertThat(store.schema().planRollback(2).changeSets())
                    .doesNotContain(SHOP_CHANGESET)
                    .hasSize(2);
            store.schema().rollback(2);

            List<ChangeSetState> status = store.schema().status();
            assertThat(status.subList(0, stratums - 2)).allMatch(ChangeSetState::applied);
            assertThat(status.subList(stratums - 2, stratums)).noneMatch(ChangeSetState::applied);
            assertThat(store.schema().state().others()).containsExactly(SHOP_CHANGESET);
            assertThat(invoices(store)).isOne();

            store.migrate();
            assertThat(store.schema().state().upToDate()).isTrue();
            assertThat(invoices(store)).isOne();
            assertThat(StockLiquibase.run(shared, SHOP, "status").output()).contains("up to date");
        }
    }

    @Test
    void stockRollbackOfTheApplicationsChangeSetLeavesStratumCurrent() {
        String shared = databases.freshUrl();
        assertThat(StockLiquibase.run(shared, SHOP, "update").exitCode()).isZero();
        assertThat(StockLiquibase.run(shared, SHOP, "rollback-count", "--count=1")
                        .exitCode())
                .isZero();
        try (Stratum store = Stratum.open(shared)) {
            assertThat(store.schema().state().upToDate()).isTrue();
            assertThat(store.schema().state().others()).isEmpty();
            submitOne(store);
            assertThat(store.tasks().count(TaskFilters.all())).isEqualTo(1);
        }
        assertThat(StockLiquibase.run(shared, SHOP, "update").exitCode()).isZero();
        assertThat(StockLiquibase.run(shared, SHOP, "status").output()).contains("up to date");
    }

    @Test
    void stockRollbackToStratumsTagAndBackAgreeWithStratum() {
        String shared = databases.freshUrl();
        assertThat(StockLiquibase.run(shared, SHOP, "update").exitCode()).isZero();
        // Liquibase rolls back what ran after the tagged changeset and, as that one only sets the tag, it too.
        assertThat(StockLiquibase.run(shared, SHOP, "rollback", "--tag=v4").exitCode())
                .isZero();
        try (Stratum store = Stratum.open(shared)) {
            SchemaState state = store.schema().state();
            assertThat(state.others()).isEmpty();
            assertThat(state.pending()).isLessThanOrEqualTo(1);
            store.migrate();
            assertThat(store.schema().state().upToDate()).isTrue();
        }
        StockLiquibase.Result status = StockLiquibase.run(shared, SHOP, "status", "--verbose");
        assertThat(status.output()).contains("shop-001-invoices").doesNotContain("v4-tag");
        assertThat(StockLiquibase.run(shared, SHOP, "update").exitCode()).isZero();
        try (Stratum store = Stratum.open(shared)) {
            assertThat(store.schema().state().upToDate()).isTrue();
            assertThat(store.schema().state().others()).containsExactly(SHOP_CHANGESET);
            assertThat(invoices(store)).isZero();
        }
    }

    @Test
    void aDatabaseANewerStratumMigratedIsStillRefused() {
        String shared = databases.freshUrl();
        assertThat(StockLiquibase.run(shared, StockLiquibase.NEWER_STRATUM_CHANGELOG, "update")
                        .exitCode())
                .isZero();
        try (Stratum store = Stratum.open(shared)) {
            assertThat(store.schema().state().newer()).containsExactly("999-create-future::stratum");
            assertThat(store.schema().state().upToDate()).isFalse();
            assertThatThrownBy(store::migrate)
                    .isInstanceOf(MigrationFailed.class)
                    .hasMessageContaining("newer than this version of Stratum")
                    .hasMessageContaining("999-create-future");
        }
    }

    private static int invoices(Stratum store) {
        return store.dsl().fetchCount(DSL.table("invoices"));
    }

    private static void submitOne(Stratum store) {
        store.tasks().submit(NewTask.builder("bill the customer", "billing").build());
    }
}
