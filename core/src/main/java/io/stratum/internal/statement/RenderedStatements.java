package io.stratum.internal.statement;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import org.jooq.Query;

/**
 * One statement in the variants a hot path needs by the number of rows it names ({@code id IN (:id1, ..., :idN)},
 * N rows of a multi-row INSERT): each variant up to {@value #CACHED} is rendered once; a larger one, which has
 * many rows to amortise its rendering over, is rendered for its call.
 */
public final class RenderedStatements {
    /** The most rows of a variant that is kept rendered. */
    public static final int CACHED = 64;

    private final IntFunction<? extends Query> template;
    private final AtomicReferenceArray<RenderedStatement> bySize = new AtomicReferenceArray<>(CACHED + 1);

    /** The statements {@code template} builds for a size, its bind values all named parameters. */
    public RenderedStatements(IntFunction<? extends Query> template) {
        this.template = template;
    }

    /** A call of the variant for {@code size} rows. */
    public RenderedStatement.Call call(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a statement needs at least one row, not " + size);
        }
        if (size > CACHED) {
            return RenderedStatement.of(template.apply(size)).call();
        }
        RenderedStatement statement = bySize.get(size);
        if (statement == null) {
            statement = RenderedStatement.of(template.apply(size));
            bySize.set(size, statement);
        }
        return statement.call();
    }
}
