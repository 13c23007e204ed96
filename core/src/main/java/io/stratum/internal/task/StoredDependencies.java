package io.stratum.internal.task;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.InvalidInput;
import io.stratum.internal.task.BatchGraph.Placed;
import io.stratum.task.TaskStatus;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/** The already stored tasks a batch depends on; unknown and cancelled ones are refused. */
final class StoredDependencies {
    private StoredDependencies() {}

    /** Status and depth of every dependency in {@code dependsOn} that is not itself a key of it. */
    static Map<UUID, Placed> load(DSLContext dsl, Map<UUID, List<UUID>> dependsOn) {
        Set<UUID> outside = new LinkedHashSet<>();
        dependsOn
                .values()
                .forEach(deps ->
                        deps.stream().filter(d -> !dependsOn.containsKey(d)).forEach(outside::add));
        Map<UUID, Placed> found = new HashMap<>();
        for (List<UUID> chunk : TaskTransitions.chunks(outside)) {
            dsl.select(TASKS.ID, TASKS.STATUS, TASKS.DEPENDENCY_DEPTH)
                    .from(TASKS)
                    .where(TASKS.ID.in(chunk))
                    .forEach(r -> found.put(r.value1(), new Placed(TaskStatus.parse(r.value2()), r.value3())));
        }
        refuse(
                "unknown task(s): ",
                outside.stream().filter(id -> !found.containsKey(id)).toList());
        refuse(
                "cancelled task(s), which can never complete: ",
                found.entrySet().stream()
                        .filter(e -> e.getValue().status() == TaskStatus.CANCELLED)
                        .map(Map.Entry::getKey)
                        .toList());
        return found;
    }

    private static void refuse(String problem, Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            throw new InvalidInput(
                    "dependsOn", problem + ids.stream().map(UUID::toString).collect(Collectors.joining(", ")));
        }
    }
}
