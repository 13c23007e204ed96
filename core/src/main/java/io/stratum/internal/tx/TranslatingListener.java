package io.stratum.internal.tx;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Classifies the failure of any query run through Stratum's {@link org.jooq.DSLContext}, the application's
 * own queries included, so that callers see the same typed errors everywhere.
 */
final class TranslatingListener implements ExecuteListener {
    private final ErrorTranslator errors;

    TranslatingListener(ErrorTranslator errors) {
        this.errors = errors;
    }

    @Override
    public void exception(ExecuteContext ctx) {
        RuntimeException failure = ctx.exception();
        if (failure != null) {
            ctx.exception(errors.translate(failure));
        }
    }
}
