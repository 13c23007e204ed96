package io.stratum.cli;

import io.stratum.Stratum;
import io.stratum.task.TaskId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Cancel a task and every task that depends on it, directly or not.")
final class CancelCommand extends DatabaseCommand {

    @Parameters(paramLabel = "ID", description = "Task id.")
    TaskId id;

    @Override
    int run(Stratum db, Output out) {
        List<TaskId> cancelled = db.queue().cancel(id);
        if (out.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("cancelled", cancelled.stream().map(TaskId::toString).toList());
            out.json(json);
        } else if (cancelled.isEmpty()) {
            out.line(id + " was already cancelled.");
        } else {
            out.line("Cancelled " + id
                    + (cancelled.size() == 1 ? "." : " and " + (cancelled.size() - 1) + " dependent(s):"));
            cancelled.subList(1, cancelled.size()).forEach(t -> out.line("  " + t));
        }
        return 0;
    }
}
