package io.stratum.internal.tx;

import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * How repositories reach the database. There are two: {@link PooledDatabase}, where every call is a transaction of
 * its own (retried on transient failures), and {@link TransactionDatabase}, where every call joins one open
 * transaction. Repositories are written once against this interface and work on either; every failure leaves as
 * a typed {@link io.stratum.StratumException}.
 */
public interface Database {

    /** Runs {@code work} in a write transaction (the backend's write discipline applies) and returns its result. */
    <T> T write(Function<DSLContext, T> work);

    /**
     * Runs {@code work}, which executes exactly one statement, as a write and returns its result. Inside an open
     * transaction it joins it, as {@link #write} does; otherwise the statement runs in auto-commit mode, a
     * transaction by itself, without the BEGIN and COMMIT round trips. A second statement, or a JDBC batch (each of
     * its rows would commit on its own), is a programming error ({@link IllegalStateException}).
     */
    <T> T writeOne(Function<DSLContext, T> work);

    /** Runs read-only {@code work} and returns its result. */
    <T> T read(Function<DSLContext, T> work);

    /**
     * Runs read-only {@code work}, which may execute several statements, on one consistent snapshot: a read-only
     * transaction of its own (REPEATABLE READ on PostgreSQL, no write lock on SQLite), or the open transaction.
     */
    <T> T readSnapshot(Function<DSLContext, T> work);
}
