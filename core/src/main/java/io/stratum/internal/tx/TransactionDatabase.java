package io.stratum.internal.tx;

import io.stratum.internal.statement.KeyConflicts;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;

/**
 * A {@link Database} bound to one open transaction: every call runs on the transaction's connection and joins it.
 * The first statement that fails dooms the transaction: later calls throw {@link IllegalStateException}, and
 * {@link TransactionRunner} rolls it back and throws that first failure whatever the work does afterwards
 * (PostgreSQL cannot go on after a failed statement; this makes SQLite behave the same).
 */
public final class TransactionDatabase implements Database {
    private final DSLContext dsl;
    private final boolean readOnly;
    private final int attempt;
    private final List<Object> commitKeys = new ArrayList<>();
    private final List<Runnable> onCommit = new ArrayList<>();
    private RuntimeException doom;
    private boolean open = true;

    TransactionDatabase(Configuration base, Connection connection, boolean readOnly, int attempt) {
        this.dsl = base.derive(connection)
                .deriveAppending(ExecuteListener.onException(ctx -> {
                    if (!KeyConflicts.tolerated(ctx)) {
                        failed(ctx.exception());
                    }
                }))
                .dsl();
        this.readOnly = readOnly;
        this.attempt = attempt;
    }

    @Override
    public <T> T write(Function<DSLContext, T> work) {
        checkOpen();
        if (readOnly) {
            throw new IllegalStateException("cannot write in a read-only transaction");
        }
        return work.apply(dsl);
    }

    @Override
    public <T> T writeOne(Function<DSLContext, T> work) {
        return write(work);
    }

    @Override
    public <T> T read(Function<DSLContext, T> work) {
        checkOpen();
        return work.apply(dsl);
    }

    @Override
    public <T> T readSnapshot(Function<DSLContext, T> work) {
        return read(work);
    }

    /** The context on this transaction's connection. */
    public DSLContext dsl() {
        checkOpen();
        return dsl;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** 1 for the first run of the work, 2 for the first retry, ... */
    public int attempt() {
        return attempt;
    }

    /**
     * Runs {@code action} after this transaction commits (not if it rolls back), unless an action was already
     * registered under {@code key} in it.
     *
     * @return whether this was the first registration under {@code key}
     */
    public boolean onCommitOnce(Object key, Runnable action) {
        if (commitKeys.contains(key)) {
            return false;
        }
        commitKeys.add(key);
        onCommit.add(action);
        return true;
    }

    /** Runs {@code action} after this transaction commits (not if it rolls back), after those registered before. */
    public void afterCommit(Runnable action) {
        onCommit.add(action);
    }

    /** Runs the actions of {@link #onCommitOnce} and {@link #afterCommit}; called once the COMMIT succeeded. */
    void committed() {
        onCommit.forEach(Runnable::run);
    }

    /** Records the first statement failure (the listener runs after {@link TranslatingListener}: it is typed). */
    private void failed(RuntimeException failure) {
        if (doom == null) {
            doom = failure;
        }
    }

    /** The failure that dooms this transaction, or null. */
    RuntimeException doom() {
        return doom;
    }

    void close() {
        open = false;
    }

    private void checkOpen() {
        if (!open) {
            throw new IllegalStateException("the transaction has ended: use the Transaction only inside its work");
        }
        if (doom != null) {
            throw new IllegalStateException(
                    "an earlier statement of this transaction failed; it will be rolled back", doom);
        }
    }
}
