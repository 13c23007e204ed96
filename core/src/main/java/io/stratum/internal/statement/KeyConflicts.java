package io.stratum.internal.statement;

import io.stratum.ConstraintViolation;
import io.stratum.spi.Backend;
import java.util.function.ToIntFunction;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.InsertReturningStep;
import org.jooq.Record;

/**
 * INSERTs that store nothing for a row whose unique key a concurrent transaction stored first, alike on every
 * backend. Where {@link Backend#supportsOnConflictDoNothing()} the INSERT carries {@code ON CONFLICT (key) DO
 * NOTHING}, which skips such rows; elsewhere it is a plain INSERT, which the database refuses as a whole (and only
 * the statement is undone, the transaction goes on): the refusal counts as nothing inserted and does not doom the
 * transaction. Either way a data error (a value too long, a failed CHECK or foreign key) still fails the statement.
 * Callers that see fewer rows inserted than they gave look the keys up again.
 */
public final class KeyConflicts {
    /** Configuration data: the unique constraint whose violation the statement's caller takes as a conflict. */
    private static final String TOLERATED = KeyConflicts.class.getName() + ".tolerated";

    private final boolean onConflictDoNothing;

    public KeyConflicts(Backend backend) {
        this.onConflictDoNothing = backend.supportsOnConflictDoNothing();
    }

    /** {@code insert}, skipping the rows whose {@code key} is stored where the backend can. */
    public <R extends Record> InsertReturningStep<R> skipping(InsertOnDuplicateStep<R> insert, Field<?>... key) {
        return onConflictDoNothing ? insert.onConflict(key).doNothing() : insert;
    }

    /**
     * Runs {@code insert}, built by {@link #skipping}, on {@code dsl} and returns the number of rows it stored: zero
     * when the database refused it for a duplicate of {@code constraint}, the unique constraint on the key.
     */
    public int inserted(DSLContext dsl, ToIntFunction<DSLContext> insert, String constraint) {
        if (onConflictDoNothing) {
            return insert.applyAsInt(dsl);
        }
        Configuration tolerant = dsl.configuration().derive();
        tolerant.data(TOLERATED, constraint);
        try {
            return insert.applyAsInt(tolerant.dsl());
        } catch (ConstraintViolation e) {
            if (isTolerated(constraint, e)) {
                return 0;
            }
            throw e;
        }
    }

    /**
     * Whether the failure of {@code ctx}'s statement is a duplicate key that its caller takes as a conflict (see
     * {@link #inserted}), so that it does not doom the transaction.
     */
    public static boolean tolerated(ExecuteContext ctx) {
        return ctx.configuration().data(TOLERATED) instanceof String constraint
                && ctx.exception() instanceof ConstraintViolation e
                && isTolerated(constraint, e);
    }

    private static boolean isTolerated(String constraint, ConstraintViolation e) {
        return e.kind() == ConstraintViolation.Kind.UNIQUE && constraint.equalsIgnoreCase(e.constraint());
    }
}
