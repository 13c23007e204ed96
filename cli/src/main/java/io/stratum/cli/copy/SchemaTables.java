package io.stratum.cli.copy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.ForeignKey;
import org.jooq.Schema;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * The tables of a generated jOOQ schema in foreign-key-safe order: every table after the tables it references,
 * so rows can be inserted table by table. A table's references to itself are left to
 * {@link #selfReferences(Table)}: those columns are filled in after all its rows exist.
 */
final class SchemaTables {
    private SchemaTables() {}

    /** Every table of {@code schema}, referenced tables first, ties by name (so the order is stable). */
    static List<Table<?>> inInsertOrder(Schema schema) {
        List<Table<?>> remaining = new ArrayList<>(schema.getTables());
        remaining.sort(Comparator.comparing(Table::getName));
        Set<Table<?>> placed = new LinkedHashSet<>();
        while (!remaining.isEmpty()) {
            Table<?> next = remaining.stream()
                    .filter(t -> placed.containsAll(referencedTables(t)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("foreign keys form a cycle among " + remaining));
            placed.add(next);
            remaining.remove(next);
        }
        return List.copyOf(placed);
    }

    /** Columns of {@code table} that reference {@code table} itself, e.g. {@code tasks.parent_task_id}. */
    static List<TableField<?, ?>> selfReferences(Table<?> table) {
        List<TableField<?, ?>> fields = new ArrayList<>();
        for (ForeignKey<?, ?> fk : table.getReferences()) {
            if (fk.getKey().getTable().equals(table)) {
                fields.addAll(fk.getFields());
            }
        }
        return fields;
    }

    private static Set<Table<?>> referencedTables(Table<?> table) {
        Set<Table<?>> tables = new LinkedHashSet<>();
        for (ForeignKey<?, ?> fk : table.getReferences()) {
            Table<?> referenced = fk.getKey().getTable();
            if (!referenced.equals(table)) {
                tables.add(referenced);
            }
        }
        return tables;
    }
}
