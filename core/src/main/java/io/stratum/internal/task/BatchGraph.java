package io.stratum.internal.task;

import io.stratum.InvalidInput;
import io.stratum.task.TaskStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The dependency graph of one submitted batch: refuses cycles and places every task (depth and first
 * status) once all of its dependencies are placed.
 */
final class BatchGraph {
    /** What a task outside the batch contributes to its dependents. */
    record Placed(TaskStatus status, int depth) {}

    /** Where a task without dependencies goes: most tasks of most batches. */
    static final Placed INDEPENDENT = new Placed(TaskStatus.READY, 0);

    private BatchGraph() {}

    /**
     * Places the batch's tasks. {@code dependsOn} maps each task of the batch to its dependencies (in the
     * batch or in {@code stored}); every dependency outside the batch must be in {@code stored}.
     *
     * @throws InvalidInput naming the tasks of a cycle, if there is one
     */
    static Map<UUID, Placed> place(Map<UUID, List<UUID>> dependsOn, Map<UUID, Placed> stored) {
        Map<UUID, Integer> waitingOn = new HashMap<>();
        Map<UUID, List<UUID>> dependents = new HashMap<>();
        Deque<UUID> placeable = new ArrayDeque<>();
        dependsOn.forEach((task, deps) -> {
            int inBatch = 0;
            for (UUID dep : deps) {
                if (dependsOn.containsKey(dep)) {
                    inBatch++;
                    dependents.computeIfAbsent(dep, d -> new ArrayList<>()).add(task);
                }
            }
            waitingOn.put(task, inBatch);
            if (inBatch == 0) {
                placeable.add(task);
            }
        });
        Map<UUID, Placed> placed = new HashMap<>(stored);
        while (!placeable.isEmpty()) {
            UUID task = placeable.poll();
            List<UUID> deps = dependsOn.get(task);
            placed.put(
                    task,
                    deps.isEmpty()
                            ? INDEPENDENT
                            : placement(deps.stream().map(placed::get).toList()));
            for (UUID dependent : dependents.getOrDefault(task, List.of())) {
                if (waitingOn.merge(dependent, -1, Integer::sum) == 0) {
                    placeable.add(dependent);
                }
            }
        }
        if (waitingOn.values().stream().anyMatch(n -> n > 0)) {
            throw new InvalidInput(
                    "dependsOn",
                    "the batch's dependencies form a cycle (each depends on the next): " + cycle(dependsOn, placed));
        }
        placed.keySet().retainAll(dependsOn.keySet());
        return placed;
    }

    private static Placed placement(Collection<Placed> dependencies) {
        int depth = dependencies.stream().mapToInt(d -> d.depth() + 1).max().orElse(0);
        if (dependencies.stream().anyMatch(d -> d.status() == TaskStatus.FAILED || d.status() == TaskStatus.BLOCKED)) {
            return new Placed(TaskStatus.BLOCKED, depth);
        }
        boolean done = dependencies.stream().allMatch(d -> d.status() == TaskStatus.COMPLETED);
        return new Placed(done ? TaskStatus.READY : TaskStatus.PENDING, depth);
    }

    /** A cycle among the unplaced tasks, as "a -> b -> a": every unplaced task waits on another unplaced one. */
    private static String cycle(Map<UUID, List<UUID>> dependsOn, Map<UUID, Placed> placed) {
        UUID start = dependsOn.keySet().stream()
                .filter(t -> !placed.containsKey(t))
                .findFirst()
                .orElseThrow();
        Set<UUID> path = new LinkedHashSet<>();
        UUID at = start;
        while (path.add(at)) {
            at = dependsOn.get(at).stream()
                    .filter(d -> dependsOn.containsKey(d) && !placed.containsKey(d))
                    .findFirst()
                    .orElseThrow();
        }
        List<UUID> ring = new ArrayList<>(path);
        List<UUID> loop = new ArrayList<>(ring.subList(ring.indexOf(at), ring.size()));
        loop.add(at);
        return loop.stream().map(UUID::toString).collect(Collectors.joining(" -> "));
    }
}
