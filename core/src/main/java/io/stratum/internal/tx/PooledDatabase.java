package io.stratum.internal.tx;

import io.stratum.TransactionOptions;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * The top-level {@link Database}: every write is a transaction of its own and every read runs on the pool, both
 * retried on transient failures; inside a transaction open on the calling thread, both join it instead.
 */
public final class PooledDatabase implements Database {
    private final DSLContext dsl;
    private final TransactionRunner transactions;
    private final Retrier retrier;
    private final ErrorTranslator errors;

    public PooledDatabase(DSLContext dsl, TransactionRunner transactions, Retrier retrier, ErrorTranslator errors) {
        this.dsl = dsl;
        this.transactions = transactions;
        this.retrier = retrier;
        this.errors = errors;
    }

    @Override
    public <T> T write(Function<DSLContext, T> work) {
        return transactions.run(TransactionOptions.DEFAULT, transaction -> transaction.write(work));
    }

    @Override
    public <T> T writeOne(Function<DSLContext, T> work) {
        return transactions.runStatement(work);
    }

    @Override
    public <T> T read(Function<DSLContext, T> work) {
        TransactionDatabase open = transactions.current();
        if (open != null) {
            return open.read(work);
        }
        transactions.requireOpen();
        return retrier.run(attempt -> {
            try {
                return work.apply(dsl);
            } catch (RuntimeException e) {
                throw errors.translate(e);
            }
        });
    }

    @Override
    public <T> T readSnapshot(Function<DSLContext, T> work) {
        return transactions.run(TransactionOptions.READ_ONLY, transaction -> transaction.read(work));
    }

    /** The context on the pool, for users' own queries. */
    public DSLContext dsl() {
        return dsl;
    }
}
