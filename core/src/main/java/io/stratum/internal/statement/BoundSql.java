package io.stratum.internal.statement;

import org.jooq.Context;
import org.jooq.Field;
import org.jooq.RenderContext;
import org.jooq.RenderContext.CastMode;
import org.jooq.conf.ParamType;
import org.jooq.impl.CustomQueryPart;

/**
 * Rendered SQL with its bind values in place: the text between the bind values is appended as it is, each value is
 * visited where its {@code ?} stood, so that jOOQ binds it through its column's binding. Casts the rendering wrote
 * around a placeholder are in the text already: the values themselves render without one.
 *
 * <p>Rendered outside an execution with indexed parameters, it appends the finished SQL at once when every value
 * renders as a plain {@code ?} ({@code indexed}, checked once per statement): no values are bound after such a
 * rendering. jOOQ renders a plain SQL statement that way before each execution, only to tell from its first word
 * whether it is DDL; visiting each value there would cost as much again as the execution's own rendering.
 */
final class BoundSql extends CustomQueryPart {
    private final String[] text;
    private final Field<?>[] values;
    private final String indexed;

    /**
     * {@code text} has one element more than {@code values}: what comes before each value, and the rest;
     * {@code indexed} is the whole SQL with a {@code ?} for each value when that is how each renders, else null.
     */
    BoundSql(String[] text, Field<?>[] values, String indexed) {
        this.text = text;
        this.values = values;
        this.indexed = indexed;
    }

    @Override
    public void accept(Context<?> ctx) {
        if (indexed != null
                && ctx instanceof RenderContext
                && ctx.executeContext() == null
                && ctx.paramType() == ParamType.INDEXED) {
            ctx.sql(indexed);
            return;
        }
        CastMode castMode = ctx.castMode();
        ctx.castMode(CastMode.NEVER);
        for (int i = 0; i < values.length; i++) {
            ctx.sql(text[i]);
            ctx.visit(values[i]);
        }
        ctx.sql(text[values.length]);
        ctx.castMode(castMode);
    }
}
