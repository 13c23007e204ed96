package io.stratum.cli.copy;

import java.util.List;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;

/**
 * Reads a table in primary-key order, one page at a time, each page starting after the last key of the one
 * before (no OFFSET, so every page costs the same however deep into the table it is).
 */
final class KeysetScan {
    private final DSLContext dsl;
    private final Table<?> table;
    private final List<? extends Field<?>> key;
    private final int pageSize;

    KeysetScan(DSLContext dsl, Table<?> table, int pageSize) {
        UniqueKey<?> primaryKey = table.getPrimaryKey();
        if (primaryKey == null) {
            throw new IllegalStateException("table " + table.getName() + " has no primary key to read it in order by");
        }
        this.dsl = dsl;
        this.table = table;
        this.key = primaryKey.getFields();
        this.pageSize = pageSize;
    }

    /** Hands every page of all columns, in key order, to {@code page}. */
    void forEachPage(Consumer<Result<Record>> page) {
        forEachPage(List.of(table.fields()), DSL.noCondition(), page);
    }

    /** Hands every page of {@code columns} (which must include the key) of rows matching {@code filter}. */
    void forEachPage(List<? extends Field<?>> columns, Condition filter, Consumer<Result<Record>> page) {
        Condition after = DSL.noCondition();
        while (true) {
            Result<Record> rows = dsl.select(columns)
                    .from(table)
                    .where(filter)
                    .and(after)
                    .orderBy(key)
                    .limit(pageSize)
                    .fetch();
            if (rows.isEmpty()) {
                return;
            }
            page.accept(rows);
            if (rows.size() < pageSize) {
                return;
            }
            Record last = rows.get(rows.size() - 1);
            after = DSL.row(key)
                    .gt(DSL.row(key.stream().map(f -> value(last, f)).toList()));
        }
    }

    private static <T> Field<T> value(Record record, Field<T> field) {
        return DSL.val(record.get(field), field);
    }
}
