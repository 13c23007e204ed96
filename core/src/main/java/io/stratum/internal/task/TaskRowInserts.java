package io.stratum.internal.task;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.codegen.jooq.tables.records.TasksRecord;
import io.stratum.internal.statement.KeyConflicts;
import io.stratum.internal.statement.NumberedParameters;
import io.stratum.internal.statement.RenderedStatement;
import io.stratum.internal.statement.RenderedStatements;
import io.stratum.internal.values.Binds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.RowN;
import org.jooq.impl.DSL;

/**
 * The INSERTs that store submitted task rows. They name only the columns some row of the call sets (the others are
 * nullable without a default, and a task usually leaves most of them empty). Rows with idempotency keys, and a
 * single row, go in as multi-row INSERTs rendered once per set of columns and number of rows (tasks of one
 * application mostly set the same few columns); those with keys skip a stored key. Rows without keys cannot
 * conflict: they are plain INSERTs, which PostgreSQL does not have to insert speculatively, and several of them go
 * in as one JDBC batch.
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
    // Each column's type for a value and for a null, built once: jOOQ would derive them anew for every value.
    private static final DataType<?>[] NOT_NULL = new DataType<?>[COLUMNS.length];
    private static final DataType<?>[] NULLABLE = new DataType<?>[COLUMNS.length];
    private static final int IDEMPOTENCY_KEY = TASKS.indexOf(TASKS.IDEMPOTENCY_KEY);
    private static final String IDEMPOTENCY_KEY_UNIQUE = "uq_tasks_idempotency_key";

    static {
        if (COLUMNS.length > Long.SIZE) {
            throw new IllegalStateException("a set of task columns must fit a long: " + COLUMNS.length);
        }
        for (int i = 0; i < COLUMNS.length; i++) {
            VALUES.add(new NumberedParameters<>(COLUMNS[i].getName() + "_", COLUMNS[i].getDataType()));
            NOT_NULL[i] = Binds.forValue(COLUMNS[i].getDataType());
            NULLABLE[i] = Binds.forNull(COLUMNS[i].getDataType());
        }
    }

    private final Map<Long, RenderedStatements> byColumns = new ConcurrentHashMap<>();
    private final KeyConflicts keyConflicts;

    TaskRowInserts(KeyConflicts keyConflicts) {
        this.keyConflicts = keyConflicts;
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
        boolean keyed = (columns & (1L << IDEMPOTENCY_KEY)) != 0;
        if (rows.size() > 1 && !keyed) {
            return batched(dsl, rows, columns);
        }
        RenderedStatements statements = byColumns.get(columns);
        if (statements == null) {
            long set = columns;
            statements = new RenderedStatements(size -> template(set, size));
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
            ToIntFunction<DSLContext> insert = call::execute;
            inserted += keyed ? keyConflicts.inserted(dsl, insert, IDEMPOTENCY_KEY_UNIQUE) : insert.applyAsInt(dsl);
        }
        return inserted;
    }

    /**
     * Rows without idempotency keys, which cannot conflict: one single-row INSERT, bound per row in a JDBC batch
     * (pgjdbc sends it as multi-row INSERTs, Connector/J with its bulk protocol), each value carrying its column's
     * type built once.
     */
    private static int batched(DSLContext dsl, List<TasksRecord> rows, long columns) {
        List<Field<?>> fields = new ArrayList<>();
        for (int i = 0; i < COLUMNS.length; i++) {
            if ((columns & (1L << i)) != 0) {
                fields.add(COLUMNS[i]);
            }
        }
        BatchBindStep batch = dsl.batch(DSL.insertInto(TASKS, fields).values(new Object[fields.size()]));
        for (TasksRecord row : rows) {
            Object[] values = new Object[fields.size()];
            int next = 0;
            for (int i = 0; i < COLUMNS.length; i++) {
                if ((columns & (1L << i)) != 0) {
                    Object value = row.get(i);
                    DataType<?> type = value == null ? NULLABLE[i] : NOT_NULL[i];
                    values[next++] = typed(value, type);
                }
            }
            batch = batch.bind(values);
        }
        batch.execute();
        return rows.size();
    }

    @SuppressWarnings("unchecked")
    private static <T> Field<T> typed(Object value, DataType<T> type) {
        return DSL.val((T) value, type);
    }

    private Query template(long columns, int size) {
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
        var insert = DSL.insertInto(TASKS, fields).valuesOfRows(rows);
        return (columns & (1L << IDEMPOTENCY_KEY)) != 0 ? keyConflicts.skipping(insert, TASKS.IDEMPOTENCY_KEY) : insert;
    }

    @SuppressWarnings("unchecked")
    private static <T> void bind(RenderedStatement.Call call, NumberedParameters<T> column, List<Object> values) {
        call.set(column, (List<T>) values);
    }
}
