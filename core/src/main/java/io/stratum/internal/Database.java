package io.stratum.internal;

import io.stratum.spi.WriteGate;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * How repositories reach the database: reads run on the pool, writes run in a transaction behind the
 * backend's {@link WriteGate}; every failure leaves as a typed exception.
 */
public final class Database {
    private final DSLContext dsl;
    private final WriteGate gate;
    private final ErrorTranslator errors;

    public Database(DSLContext dsl, WriteGate gate, ErrorTranslator errors) {
        this.dsl = dsl;
        this.gate = gate;
        this.errors = errors;
    }

    /** Runs {@code work} as one write transaction; a nested call joins the caller's transaction. */
    public <T> T write(Function<DSLContext, T> work) {
        try {
            return gate.exclusive(() -> dsl.transactionResult(configuration -> work.apply(configuration.dsl())));
        } catch (RuntimeException e) {
            throw errors.translate(e);
        }
    }

    /** Runs {@code work} outside an explicit transaction (each statement sees committed data). */
    public <T> T read(Function<DSLContext, T> work) {
        try {
            return work.apply(dsl);
        } catch (RuntimeException e) {
            throw errors.translate(e);
        }
    }

    /** The underlying jOOQ context, for users' own queries. */
    public DSLContext dsl() {
        return dsl;
    }

    public ErrorTranslator errors() {
        return errors;
    }
}
