package io.stratum.internal.task;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.codegen.jooq.tables.records.TasksRecord;
import io.stratum.internal.statement.RenderedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * The INSERT of one task row, the whole of a plain submit: it names only the columns the row sets (the others are
 * nullable without a default), and is rendered once per such set of columns; tasks of one application mostly set
 * the same few. An idempotency key that a concurrent submit stored first makes it insert nothing.
 */
final class SingleTaskInsert {
    /** Sets of columns kept rendered; a store that keeps inventing new ones renders the others per call. */
    private static final int KEPT = 256;

    private static final Field<?>[] COLUMNS = TASKS.fields();
    private static final Param<?>[] VALUES = new Param<?>[COLUMNS.length];

    static {
        for (int i = 0; i < COLUMNS.length; i++) {
            VALUES[i] = DSL.param(COLUMNS[i].getName(), COLUMNS[i].getDataType());
        }
    }

    private final Map<Long, RenderedStatement> byColumns = new ConcurrentHashMap<>();

    /** Inserts {@code row}; returns 1, or 0 when its idempotency key is already stored. */
    int insert(DSLContext dsl, TasksRecord row) {
        long columns = 0;
        for (int i = 0; i < COLUMNS.length; i++) {
            if (row.get(i) != null) {
                columns |= 1L << i;
            }
        }
        RenderedStatement statement = byColumns.get(columns);
        if (statement == null) {
            statement = RenderedStatement.of(template(columns));
            if (byColumns.size() < KEPT) {
                byColumns.put(columns, statement);
            }
        }
        RenderedStatement.Call call = statement.call();
        for (int i = 0; i < COLUMNS.length; i++) {
            if ((columns & (1L << i)) != 0) {
                bind(call, VALUES[i], row.get(i));
            }
        }
        return call.execute(dsl);
    }

    private static Query template(long columns) {
        List<Field<?>> fields = new ArrayList<>();
        List<Param<?>> values = new ArrayList<>();
        for (int i = 0; i < COLUMNS.length; i++) {
            if ((columns & (1L << i)) != 0) {
                fields.add(COLUMNS[i]);
                values.add(VALUES[i]);
            }
        }
        return DSL.insertInto(TASKS, fields)
                .values(values)
                .onConflict(TASKS.IDEMPOTENCY_KEY)
                .doNothing();
    }

    @SuppressWarnings("unchecked")
    private static <T> void bind(RenderedStatement.Call call, Param<T> param, Object value) {
        call.set(param, (T) value);
    }
}
