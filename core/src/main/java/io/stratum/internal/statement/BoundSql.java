package io.stratum.internal.statement;

import org.jooq.Context;
import org.jooq.Field;
import org.jooq.RenderContext.CastMode;
import org.jooq.impl.CustomQueryPart;

/**
 * Rendered SQL with its bind values in place: the text between the bind values is appended as it is, each value is
 * visited where its {@code ?} stood, so that jOOQ binds it through its column's binding. Casts the rendering wrote
 * around a placeholder are in the text already: the values themselves render without one.
 */
final class BoundSql extends CustomQueryPart {
    private final String[] text;
    private final Field<?>[] values;

    /** {@code text} has one element more than {@code values}: what comes before each value, and the rest. */
    BoundSql(String[] text, Field<?>[] values) {
        this.text = text;
        this.values = values;
    }

    @Override
    public void accept(Context<?> ctx) {
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
