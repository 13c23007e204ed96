package io.stratum.cli;

import io.stratum.InvalidInput;
import io.stratum.cli.TaskFile.FileTask;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the tasks of a file into one batch for {@code submitAll}: every task gets its id up front, local names
 * become those ids, and the tasks are put in an order where each comes after the tasks of the file it depends on
 * or is a child of (a parent row must exist before its child's).
 */
final class TaskBatch {
    private final Map<String, TaskId> idsByName = new HashMap<>();
    private final Map<FileTask, TaskId> ids = new LinkedHashMap<>();

    private TaskBatch(List<FileTask> tasks) {
        for (FileTask task : tasks) {
            TaskId id = TaskId.generate();
            ids.put(task, id);
            if (task.name() != null) {
                idsByName.put(task.name(), id);
            }
        }
    }

    /** The file's tasks, ready to submit together, and the label of each ({@code name}, or its position). */
    static List<Named> resolve(List<FileTask> tasks) {
        return new TaskBatch(tasks).inDependencyOrder();
    }

    /** A task to submit and the label it is printed with. */
    record Named(String label, NewTask task) {}

    private List<Named> inDependencyOrder() {
        Map<TaskId, List<TaskId>> inFile = new HashMap<>();
        Map<TaskId, Named> byId = new LinkedHashMap<>();
        ids.forEach((task, id) -> {
            List<TaskId> dependsOn = task.dependsOn().stream()
                    .map(ref -> resolve(task, "dependsOn", ref))
                    .toList();
            TaskId parent = task.parent() == null ? null : resolve(task, "parent", task.parent());
            NewTask built;
            try {
                built = task.builder()
                        .id(id)
                        .dependsOn(dependsOn)
                        .parentTaskId(parent)
                        .build();
            } catch (InvalidInput e) {
                throw task.invalid(e.getMessage());
            }
            List<TaskId> before = new ArrayList<>(dependsOn);
            if (parent != null) {
                before.add(parent);
            }
            inFile.put(id, before.stream().filter(ids::containsValue).toList());
            byId.put(id, new Named(task.name() != null ? task.name() : task.place(), built));
        });
        List<Named> ordered = new ArrayList<>();
        Map<TaskId, Boolean> done = new HashMap<>();
        byId.keySet().forEach(id -> visit(id, inFile, byId, done, ordered, new ArrayList<>()));
        return ordered;
    }

    private static void visit(
            TaskId id,
            Map<TaskId, List<TaskId>> inFile,
            Map<TaskId, Named> byId,
            Map<TaskId, Boolean> done,
            List<Named> ordered,
            List<TaskId> path) {
        Boolean state = done.get(id);
        if (Boolean.TRUE.equals(state)) {
            return;
        }
        path.add(id);
        if (Boolean.FALSE.equals(state)) {
            List<String> cycle = path.subList(path.indexOf(id), path.size()).stream()
                    .map(t -> byId.get(t).label())
                    .toList();
            throw new InvalidInput(
                    "--file", "the tasks depend on each other in a cycle: " + String.join(" -> ", cycle));
        }
        done.put(id, false);
        inFile.get(id).forEach(before -> visit(before, inFile, byId, done, ordered, path));
        done.put(id, true);
        ordered.add(byId.get(id));
        path.remove(path.size() - 1);
    }

    private TaskId resolve(FileTask task, String field, String reference) {
        TaskId byName = idsByName.get(reference);
        if (byName != null) {
            return byName;
        }
        try {
            return TaskId.of(UUID.fromString(reference));
        } catch (IllegalArgumentException e) {
            throw task.invalid(field + ": no task is named '" + reference + "' in the file (nor is it a task id)");
        }
    }
}
