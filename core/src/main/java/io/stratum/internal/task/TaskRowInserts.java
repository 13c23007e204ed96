package io.stratum.internal.task;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.codegen.jooq.tables.records.TasksRecord;
import io.stratum.internal.statement.NumberedParameters;
import io.stratum.internal.statement.RenderedStatement;
import io.stratum.internal.statement.RenderedStatements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.RowN;
import org.jooq.impl.DSL;

/**
 * The multi-row INSERTs that store submitted task rows. Each names only the columns some of its rows set (the others
 * are nullable without a default, and a task usually leaves most of them empty) and is rendered once per set of
 * columns and number of rows; tasks of one application mostly set the same few columns. The rows of one call share
 * the set of columns any of them sets. A row whose idempotency key
 * a concurrent submit stored first is not inserted.
 */
final class TaskRowInserts {
    /**
     * Bind values per INSERT at most: the smallest limit jOOQ knows of (SQLite's default before 3.32). Above the
     * dialect's limit jOOQ writes every value into the SQL text instead of binding it.
     */
    private static final int BIND_VALUES = 999;

    /** Sets of columns kept rendered; a store that keeps inventing new ones renders the others per call. */
    private static final int KEPT = 64;

    private static final Field<?>[] COLUMNS = TASKS.fields();
    private static final List<NumberedParameters<?>> VALUES = new ArrayList<>();

    static {
        if (COLUMNS.length > Long.SIZE) {
            throw new IllegalStateException("a set of task columns must fit a long: " + COLUMNS.length);
        }
        for (Field<?> column : COLUMNS) {
            VALUES.add(new NumberedParameters<>(column.getName() + "_", column.getDataType()));
        }
    }

    private final Map<Long, RenderedStatements> byColumns = new ConcurrentHashMap<>();
    private final Field<?> notifying;

    /**
     * The INSERTs of one store; {@code notifying}, unless null, is the expression that the INSERT of a single row
     * returns, which notifies waiting claims as its transaction commits.
     */
    TaskRowInserts(Field<?> notifying) {
        this.notifying = notifying;
    }

    /** Whether inserting a single row also notifies waiting claims. */
    boolean notifiesSingleRow() {
        return notifying != null;
    }

    /**
     * Inserts {@code rows}, as many per statement as the bind values allow; returns how many it inserted, fewer than
     * {@code rows} when the idempotency key of one is already stored.
     */
    int insert(DSLContext dsl, List<TasksRecord> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        long columns = 0;
        for (TasksRecord row : rows) {
            for (int i = 0; i < COLUMNS.length; i++) {
                if (row.get(i) != null) {
                    columns |= 1L << i;
                }
            }
        }
        RenderedStatements statements = byColumns.get(columns);
        if (statements == null) {
            long set = columns;
            statements = new RenderedStatements(size -> template(set, size, size == 1 ? notifying : null));
            if (byColumns.size() < KEPT) {
                byColumns.put(columns, statements);
            }
        }
        int perStatement = Math.min(RenderedStatements.CACHED, BIND_VALUES / Long.bitCount(columns));
        int inserted = 0;
        List<Object> values = new ArrayList<>(perStatement);
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<TasksRecord> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            RenderedStatement.Call call = statements.call(chunk.size());
            for (int i = 0; i < COLUMNS.length; i++) {
                if ((columns & (1L << i)) != 0) {
                    values.clear();
                    for (TasksRecord row : chunk) {
                        values.add(row.get(i));
                    }
                    bind(call, VALUES.get(i), values);
                }
            }
            inserted += chunk.size() == 1 && notifying != null
                    ? call.query(dsl, notifying).fetch().size()
                    : call.execute(dsl);
        }
        return inserted;
    }

    private static Query template(long columns, int size, Field<?> returning) {
        List<Field<?>> fields = new ArrayList<>();
        List<NumberedParameters<?>> values = new ArrayList<>();
        for (int i = 0; i < COLUMNS.length; i++) {
            if ((columns & (1L << i)) != 0) {
                fields.add(COLUMNS[i]);
                values.add(VALUES.get(i));
            }
        }
        List<RowN> rows = new ArrayList<>(size);
        for (int row = 1; row <= size; row++) {
            List<Field<?>> params = new ArrayList<>(values.size());
            for (NumberedParameters<?> column : values) {
                params.add(column.get(row));
            }
            rows.add(DSL.row(params));
        }
        var insert = DSL.insertInto(TASKS, fields)
                .valuesOfRows(rows)
                .onConflict(TASKS.IDEMPOTENCY_KEY)
                .doNothing();
        return returning == null ? insert : insert.returningResult(returning);
    }

    @SuppressWarnings("unchecked")
    private static <T> void bind(RenderedStatement.Call call, NumberedParameters<T> column, List<Object> values) {
        call.set(column, (List<T>) values);
    }
}
