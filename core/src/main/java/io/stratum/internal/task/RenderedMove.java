package io.stratum.internal.task;

import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.internal.queue.QueueQueries;
import io.stratum.internal.statement.NumberedParameters;
import io.stratum.internal.statement.RenderedStatement;
import io.stratum.internal.statement.RenderedStatements;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * A {@link TaskMove} of one fixed shape, whose column values and guard are named parameters, run by key on a hot
 * path (a completion through its lease) with its statements rendered once per number of ids. With
 * {@code UPDATE ... RETURNING} it is the one statement of {@link TaskTransitions#move}; without, the same two: lock
 * the rows it applies to and read their versions, then update exactly those. A move of one task whose new version
 * nobody reads (no audit row) is there one UPDATE with the move's whole condition, its row count telling whether it
 * moved.
 */
public final class RenderedMove {
    /** The time of the move: {@code last_updated_at}, and {@code completed_at} when the task finishes. */
    public static final Param<OffsetDateTime> AT = DSL.param("at", TASKS.LAST_UPDATED_AT.getDataType());

    private static final NumberedParameters<UUID> IDS = new NumberedParameters<>("id", TASKS.ID.getDataType());

    private final TaskMove template;
    private final boolean updateReturning;
    private final RenderedStatements returning;
    private final RenderedStatements locking;
    private final RenderedStatements updating;
    private final RenderedStatements updatingMatched;

    /** {@code auditRows}: whether the statement with RETURNING writes the audit rows too (see {@link AuditRowsInStatement}). */
    RenderedMove(TaskMove template, QueueQueries queries, boolean auditRows) {
        if (template.from().size() != 1) {
            throw new IllegalArgumentException("a rendered move has one status to move from: " + template.from());
        }
        this.template = template;
        this.updateReturning = queries.updateReturning();
        this.returning = new RenderedStatements(size -> {
            var moving = TaskTransitions.update(matching(size), template, AT).returningResult(TASKS.ID, TASKS.VERSION);
            return auditRows ? AuditRowsInStatement.of(moving, template, AT) : moving;
        });
        this.locking = new RenderedStatements(size -> queries.locked(DSL.select(TASKS.ID, TASKS.VERSION)
                .from(TASKS)
                .where(matching(size))
                .and(template.guard())
                .orderBy(TASKS.ID)));
        this.updating =
                new RenderedStatements(size -> TaskTransitions.update(TASKS.ID.in(IDS.first(size)), template, AT));
        this.updatingMatched = new RenderedStatements(
                size -> TaskTransitions.update(matching(size).and(template.guard()), template, AT));
    }

    TaskMove template() {
        return template;
    }

    /** A task the move changed, and its version now (null when not read). */
    record Moved(UUID id, Long version) {}

    /** Applies the move to those of {@code ids} it matches; {@code versions}: whether the new versions are read. */
    List<Moved> run(DSLContext dsl, List<UUID> ids, Consumer<RenderedStatement.Call> values, boolean versions) {
        if (updateReturning) {
            return moved(bound(returning.call(ids.size()), ids, values), dsl, 0);
        }
        if (!versions && ids.size() == 1) {
            int updated = bound(updatingMatched.call(1), ids, values).execute(dsl);
            return updated == 1 ? List.of(new Moved(ids.getFirst(), null)) : List.of();
        }
        List<Moved> locked = moved(bound(locking.call(ids.size()), ids, values), dsl, 1);
        if (!locked.isEmpty()) {
            bound(updating.call(locked.size()), locked.stream().map(Moved::id).toList(), values)
                    .execute(dsl);
        }
        return locked;
    }

    private Condition matching(int size) {
        return TASKS.ID.in(IDS.first(size)).and(Statuses.oneOf(TASKS.STATUS, template.from()));
    }

    private static RenderedStatement.Call bound(
            RenderedStatement.Call call, List<UUID> ids, Consumer<RenderedStatement.Call> values) {
        values.accept(call);
        return call.set(IDS, ids);
    }

    /** The rows {@code call} reads, their versions plus {@code bump} (a read before the update). */
    private static List<Moved> moved(RenderedStatement.Call call, DSLContext dsl, int bump) {
        return call.query(dsl, TASKS.ID, TASKS.VERSION).fetch().stream()
                .map((Record r) -> new Moved(r.get(TASKS.ID), r.get(TASKS.VERSION) + bump))
                .toList();
    }
}
