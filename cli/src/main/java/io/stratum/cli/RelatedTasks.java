package io.stratum.cli;

import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;

import io.stratum.task.TaskId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.TableField;

/** The tasks next to one task in the dependency graph, with just what a listing of them shows. */
record RelatedTasks(UUID id, String status, String agentType, String summary) {

    /** The tasks {@code task} depends on. */
    static List<RelatedTasks> dependenciesOf(DSLContext dsl, TaskId task) {
        return query(dsl, task, TASK_DEPENDENCIES.DEPENDS_ON_ID, TASK_DEPENDENCIES.TASK_ID);
    }

    /** The tasks that depend on {@code task}. */
    static List<RelatedTasks> dependentsOf(DSLContext dsl, TaskId task) {
        return query(dsl, task, TASK_DEPENDENCIES.TASK_ID, TASK_DEPENDENCIES.DEPENDS_ON_ID);
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id.toString());
        json.put("status", status);
        json.put("agentType", agentType);
        json.put("summary", summary);
        return json;
    }

    /** Tasks at the {@code shown} end of the edges whose {@code self} end is {@code task}. */
    private static List<RelatedTasks> query(
            DSLContext dsl, TaskId task, TableField<?, UUID> shown, TableField<?, UUID> self) {
        return dsl.select(TASKS.ID, TASKS.STATUS, TASKS.AGENT_TYPE, TASKS.SUMMARY)
                .from(TASK_DEPENDENCIES)
                .join(TASKS)
                .on(TASKS.ID.eq(shown))
                .where(self.eq(task.value()))
                .orderBy(TASKS.SUBMITTED_AT, TASKS.ID)
                .fetch(r -> new RelatedTasks(r.value1(), r.value2(), r.value3(), r.value4()));
    }
}
