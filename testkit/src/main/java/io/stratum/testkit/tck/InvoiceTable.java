package io.stratum.testkit.tck;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.stratum.Transaction;
import io.stratum.task.TaskId;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** An application's own table beside Stratum's, written in the same transactions as Stratum's tasks. */
final class InvoiceTable {
    static final Table<Record> INVOICES = table(name("invoices"));
    static final Field<String> TASK_ID = field(name("task_id"), SQLDataType.VARCHAR(36));
    static final Field<Long> TOTAL_CENTS = field(name("total_cents"), SQLDataType.BIGINT);

    private InvoiceTable() {}

    static void create(DSLContext dsl) {
        dsl.createTableIfNotExists(INVOICES)
                .column(TASK_ID.getName(), SQLDataType.VARCHAR(36).notNull())
                .column(TOTAL_CENTS.getName(), SQLDataType.BIGINT.notNull())
                .primaryKey(TASK_ID.getName())
                .execute();
    }

    /** The application's write: the invoice for the work of {@code task}. */
    static void insert(Transaction tx, TaskId task, long totalCents) {
        tx.dsl()
                .insertInto(INVOICES, TASK_ID, TOTAL_CENTS)
                .values(task.toString(), totalCents)
                .execute();
    }

    static int count(DSLContext dsl) {
        return dsl.fetchCount(INVOICES);
    }
}
