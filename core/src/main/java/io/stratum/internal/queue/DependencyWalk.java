package io.stratum.internal.queue;

import io.stratum.internal.task.TaskTransitions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.DSLContext;

/** Reads the dependency graph downwards: who waits on a set of tasks, directly or transitively. */
final class DependencyWalk {
    private final QueueQueries queries;

    DependencyWalk(QueueQueries queries) {
        this.queries = queries;
    }

    /** Distinct direct dependents of {@code ids}, sorted (the order rows are locked in). */
    List<UUID> direct(DSLContext dsl, Collection<UUID> ids) {
        Set<UUID> found = new TreeSet<>();
        for (List<UUID> chunk : TaskTransitions.chunks(ids)) {
            found.addAll(queries.dependents(dsl, chunk).fetch(0, UUID.class));
        }
        return List.copyOf(found);
    }

    /** Every task that transitively depends on {@code roots}, level by level (each level sorted), roots excluded. */
    List<UUID> transitive(DSLContext dsl, Collection<UUID> roots) {
        Set<UUID> seen = new LinkedHashSet<>(roots);
        List<UUID> result = new ArrayList<>();
        List<UUID> level = List.copyOf(roots);
        while (!level.isEmpty()) {
            List<UUID> next = new ArrayList<>();
            for (UUID id : direct(dsl, level)) {
                if (seen.add(id)) {
                    next.add(id);
                }
            }
            result.addAll(next);
            level = next;
        }
        return result;
    }
}
