package io.stratum.cli.copy;

import static io.stratum.codegen.jooq.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.codegen.jooq.DefaultSchema;
import java.util.List;
import org.jooq.ForeignKey;
import org.jooq.Table;
import org.junit.jupiter.api.Test;

class SchemaTablesTest {
    @Test
    void everyTableComesAfterTheTablesItReferences() {
        List<Table<?>> order = SchemaTables.inInsertOrder(DefaultSchema.DEFAULT_SCHEMA);
        assertThat(order).containsExactlyInAnyOrderElementsOf(DefaultSchema.DEFAULT_SCHEMA.getTables());
        for (Table<?> table : order) {
            for (ForeignKey<?, ?> fk : table.getReferences()) {
                assertThat(order.indexOf(fk.getKey().getTable()))
                        .as(fk.getName())
                        .isLessThanOrEqualTo(order.indexOf(table));
            }
        }
    }

    @Test
    void aTasksParentIsItsOnlySelfReference() {
        assertThat(SchemaTables.selfReferences(TASKS)).containsExactly(TASKS.PARENT_TASK_ID);
    }
}
