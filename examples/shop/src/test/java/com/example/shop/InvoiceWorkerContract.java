package com.example.shop;

import static com.example.shop.db.Tables.INVOICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.ConstraintViolation;
import io.stratum.SchemaState;
import io.stratum.Stratum;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shop on one backend: each subclass names it with {@code @StratumTest}. */
abstract class InvoiceWorkerContract {

    @BeforeEach
    void shopSchema(Stratum db) {
        ShopSchema.migrate(db.dataSource());
    }

    @Test
    void stratumAndTheShopShareOneHistoryAndAgreeAboutIt(Stratum db) {
        SchemaState state = db.schema().state();
        assertThat(state.upToDate()).isTrue();
        assertThat(state.others()).containsExactly("shop-001-invoices::shop", "shop-002-invoices-customer::shop");
        db.migrate(); // nothing to do, and the shop's changesets are not in the way
        ShopSchema.migrate(db.dataSource()); // nor are Stratum's in the shop's
        assertThat(db.schema().state().upToDate()).isTrue();
    }

    @Test
    void everyOrderIsBilledOnceAndItsTaskCompletedWithIt(Stratum db) {
        TaskId acme = InvoiceWorker.submitOrder(db, "acme", 1250);
        TaskId globex = InvoiceWorker.submitOrder(db, "globex", 990);

        assertThat(new InvoiceWorker(db, "billing-1").billReadyOrders(10)).isEqualTo(2);

        assertThat(db.dsl().selectFrom(INVOICES).orderBy(INVOICES.CUSTOMER).fetch(INVOICES.TOTAL_CENTS))
                .containsExactly(1250L, 990L);
        assertThat(db.tasks().require(acme).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(db.tasks().require(globex).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(new InvoiceWorker(db, "billing-2").billReadyOrders(10)).isZero();
    }

    @Test
    void anInvoiceThatCannotBeWrittenLeavesTheTaskUncompleted(Stratum db) {
        TaskId order = InvoiceWorker.submitOrder(db, "acme", 1250);
        db.transaction(tx -> tx.dsl()
                .insertInto(INVOICES)
                .set(INVOICES.TASK_ID, order.toString())
                .set(INVOICES.CUSTOMER, "someone else")
                .set(INVOICES.TOTAL_CENTS, 1L)
                .execute());

        assertThatThrownBy(() -> new InvoiceWorker(db, "billing-1").billReadyOrders(1))
                .isInstanceOf(ConstraintViolation.class);

        assertThat(db.tasks().require(order).status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(db.dsl().fetchCount(INVOICES)).isOne();
    }
}
