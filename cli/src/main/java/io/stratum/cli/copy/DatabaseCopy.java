package io.stratum.cli.copy;

import io.stratum.codegen.jooq.DefaultSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;

/**
 * Copies every table of the Stratum schema from one database to another with the same schema: rows in batches,
 * in primary-key order, ids, versions and timestamps as they are. Tables are taken from the generated schema
 * ({@link DefaultSchema}), so tables added by later changesets are copied without changes here.
 *
 * <p>Tables go in foreign-key order; a column that references its own table (a task's parent) is written in a
 * second pass once all rows of the table exist. Each batch is one transaction on the target.
 */
public final class DatabaseCopy {
    /** Bind variables per INSERT, under SQLite's (32,766) and PostgreSQL's and MariaDB's (65,535) limits. */
    private static final int MAX_BINDS = 30_000;

    private final DSLContext source;
    private final DSLContext target;
    private final int batchRows;
    private final List<Table<?>> tables = SchemaTables.inInsertOrder(DefaultSchema.DEFAULT_SCHEMA);

    /** Reads from {@code source}, writes {@code batchRows} rows per transaction to {@code target}. */
    public DatabaseCopy(DSLContext source, DSLContext target, int batchRows) {
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be at least 1");
        }
        this.source = source;
        this.target = target;
        this.batchRows = batchRows;
    }

    /** Row count of every table in the source, in the order the tables will be copied. */
    public List<TableRows> sourceRows() {
        return tables.stream()
                .map(t -> new TableRows(t.getName(), source.fetchCount(t)))
                .toList();
    }

    /** Names of target tables that already hold rows. */
    public List<String> nonEmptyTargetTables() {
        return tables.stream().filter(target::fetchExists).map(Table::getName).toList();
    }

    /** Deletes every row of every Stratum table in the target, dependents first, in one transaction. */
    public void clearTarget() {
        target.transaction(tx -> {
            for (Table<?> table : tables.reversed()) {
                tx.dsl().deleteFrom(table).execute();
            }
        });
    }

    /** Copies every row; {@code copied} hears how many rows each batch wrote. */
    public void copy(LongConsumer copied) {
        for (Table<?> table : tables) {
            copyRows(table, copied);
            copySelfReferences(table);
        }
    }

    /** Row counts and checksums of every table on both sides; compare with {@link TableCheck#matches()}. */
    public List<TableCheck> verify() {
        List<TableCheck> checks = new ArrayList<>();
        for (Table<?> table : tables) {
            checks.add(new TableCheck(
                    TableChecksum.of(source, table, batchRows), TableChecksum.of(target, table, batchRows)));
        }
        return checks;
    }

    private void copyRows(Table<?> table, LongConsumer copied) {
        List<TableField<?, ?>> deferred = SchemaTables.selfReferences(table);
        List<Field<?>> columns = List.of(table.fields());
        int rowsPerInsert = Math.max(1, Math.min(batchRows, MAX_BINDS / columns.size()));
        new KeysetScan(source, table, batchRows).forEachPage(page -> {
            deferred.forEach(f -> page.forEach(r -> r.set(f, null)));
            target.transaction(tx -> {
                for (int from = 0; from < page.size(); from += rowsPerInsert) {
                    List<Record> rows = page.subList(from, Math.min(page.size(), from + rowsPerInsert));
                    tx.dsl()
                            .insertInto(table)
                            .columns(columns)
                            .valuesOfRecords(rows)
                            .execute();
                }
            });
            copied.accept(page.size());
        });
    }

    private void copySelfReferences(Table<?> table) {
        List<TableField<?, ?>> deferred = SchemaTables.selfReferences(table);
        if (deferred.isEmpty()) {
            return;
        }
        UniqueKey<?> key = table.getPrimaryKey();
        List<Field<?>> columns = new ArrayList<>(key.getFields());
        columns.addAll(deferred);
        Condition anySet = DSL.or(deferred.stream().map(Field::isNotNull).toList());
        new KeysetScan(source, table, batchRows).forEachPage(columns, anySet, page -> {
            target.transaction(tx -> tx.dsl()
                    .batch(updates(tx.dsl(), table, key, deferred, page))
                    .execute());
        });
    }

    private static List<Query> updates(
            DSLContext dsl, Table<?> table, UniqueKey<?> key, List<TableField<?, ?>> deferred, Result<Record> page) {
        List<Query> updates = new ArrayList<>(page.size());
        for (Record row : page) {
            Map<Field<?>, Object> values = new LinkedHashMap<>();
            deferred.forEach(f -> values.put(f, row.get(f)));
            updates.add(dsl.update(table)
                    .set(values)
                    .where(key.getFields().stream().map(f -> equal(f, row)).toList()));
        }
        return updates;
    }

    private static <T> Condition equal(Field<T> field, Record row) {
        return field.eq(row.get(field));
    }

    /** A table and its number of rows. */
    public record TableRows(String table, long rows) {}

    /** One table's rows and checksum on both sides. */
    public record TableCheck(String table, long sourceRows, String sourceSha256, long targetRows, String targetSha256) {
        TableCheck(TableChecksum source, TableChecksum target) {
            this(source.table(), source.rows(), source.sha256(), target.rows(), target.sha256());
        }

        public boolean matches() {
            return sourceRows == targetRows && sourceSha256.equals(targetSha256);
        }
    }
}
