package io.stratum.cli;

import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;

import io.stratum.Stratum;
import io.stratum.task.Task;
import io.stratum.task.TaskId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.TableField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Show one task with the tasks it depends on and the tasks waiting on it.")
final class ShowCommand extends DatabaseCommand {

    @Parameters(paramLabel = "ID", description = "Task id.")
    TaskId id;

    /** A task next to the one shown. */
    record Related(UUID id, String status, String agentType, String summary) {
        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id.toString());
            json.put("status", status);
            json.put("agentType", agentType);
            json.put("summary", summary);
            return json;
        }
    }

    @Override
    int run(Stratum db, Output out) {
        Task task = db.tasks().require(id);
        List<Related> dependencies = related(db.dsl(), TASK_DEPENDENCIES.DEPENDS_ON_ID, TASK_DEPENDENCIES.TASK_ID);
        List<Related> dependents = related(db.dsl(), TASK_DEPENDENCIES.TASK_ID, TASK_DEPENDENCIES.DEPENDS_ON_ID);
        if (out.json()) {
            Map<String, Object> json = TaskViews.json(task);
            json.put("dependencies", dependencies.stream().map(Related::json).toList());
            json.put("dependents", dependents.stream().map(Related::json).toList());
            out.json(json);
            return 0;
        }
        out.table(TaskViews.details(task));
        print(out, "Depends on", dependencies);
        print(out, "Dependents", dependents);
        return 0;
    }

    /** Tasks whose id is in {@code shown} of an edge whose {@code self} column is this task. */
    private List<Related> related(DSLContext dsl, TableField<?, UUID> shown, TableField<?, UUID> self) {
        return dsl.select(TASKS.ID, TASKS.STATUS, TASKS.AGENT_TYPE, TASKS.SUMMARY)
                .from(TASK_DEPENDENCIES)
                .join(TASKS).on(TASKS.ID.eq(shown))
                .where(self.eq(id.value()))
                .orderBy(TASKS.SUBMITTED_AT, TASKS.ID)
                .fetch(r -> new Related(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private static void print(Output out, String title, List<Related> tasks) {
        out.blank();
        if (tasks.isEmpty()) {
            out.line(title + ": none");
            return;
        }
        out.line(title + " (" + tasks.size() + "):");
        Table table = Table.withHeaders("ID", "STATUS", "AGENT", "SUMMARY");
        tasks.forEach(t -> table.row(t.id(), t.status(), t.agentType(), t.summary()));
        out.table(table);
    }
}
