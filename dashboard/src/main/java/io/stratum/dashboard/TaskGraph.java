package io.stratum.dashboard;

import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;

import io.stratum.Stratum;
import io.stratum.task.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Record2;
import org.jooq.TableField;

/**
 * The dependency graph around one task: every task it depends on, directly or not, and every task that depends on
 * it, directly or not, with the edges among them ({@code from} the dependency {@code to} the task that waits on it).
 * At most {@value #MAX_NODES} tasks; {@code truncated} says whether there were more.
 */
final class TaskGraph {
    static final int MAX_NODES = 200;

    private final Stratum db;

    TaskGraph(Stratum db) {
        this.db = db;
    }

    Map<String, Object> around(Task root) {
        Set<UUID> nodes = new LinkedHashSet<>();
        nodes.add(root.id().value());
        Set<List<UUID>> edges = new LinkedHashSet<>();
        boolean complete = walk(root.id().value(), nodes, edges, TASK_DEPENDENCIES.TASK_ID)
                & walk(root.id().value(), nodes, edges, TASK_DEPENDENCIES.DEPENDS_ON_ID);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("root", root.id().toString());
        json.put("nodes", nodes(nodes));
        json.put(
                "edges",
                edges.stream()
                        .filter(e -> nodes.contains(e.get(0)) && nodes.contains(e.get(1)))
                        .map(e -> Map.of(
                                "from", e.get(0).toString(), "to", e.get(1).toString()))
                        .toList());
        json.put("truncated", !complete);
        return json;
    }

    /**
     * Follows edges from {@code start}, breadth first, through the column {@code from} (task_id: towards
     * dependencies; depends_on_id: towards dependents); false if it stopped at {@link #MAX_NODES}.
     */
    private boolean walk(UUID start, Set<UUID> nodes, Set<List<UUID>> edges, TableField<?, UUID> from) {
        Set<UUID> frontier = Set.of(start);
        while (!frontier.isEmpty()) {
            Set<UUID> next = new LinkedHashSet<>();
            for (Record2<UUID, UUID> edge : db.dsl()
                    .select(TASK_DEPENDENCIES.DEPENDS_ON_ID, TASK_DEPENDENCIES.TASK_ID)
                    .from(TASK_DEPENDENCIES)
                    .where(from.in(frontier))
                    .fetch()) {
                UUID reached = from == TASK_DEPENDENCIES.TASK_ID ? edge.value1() : edge.value2();
                if (!nodes.contains(reached)) {
                    if (nodes.size() >= MAX_NODES) {
                        return false;
                    }
                    nodes.add(reached);
                    next.add(reached);
                }
                edges.add(List.of(edge.value1(), edge.value2()));
            }
            frontier = next;
        }
        return true;
    }

    private List<Map<String, Object>> nodes(Set<UUID> ids) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        db.dsl()
                .select(TASKS.ID, TASKS.SUMMARY, TASKS.STATUS, TASKS.AGENT_TYPE, TASKS.DEPENDENCY_DEPTH)
                .from(TASKS)
                .where(TASKS.ID.in(ids))
                .orderBy(TASKS.DEPENDENCY_DEPTH, TASKS.SUBMITTED_AT, TASKS.ID)
                .forEach(r -> {
                    Map<String, Object> node = new LinkedHashMap<>();
                    node.put("id", r.value1().toString());
                    node.put("summary", r.value2());
                    node.put("status", r.value3());
                    node.put("agentType", r.value4());
                    node.put("depth", r.value5());
                    nodes.add(node);
                });
        return nodes;
    }
}
