package io.stratum.internal.tx;

import io.stratum.StratumException;
import io.stratum.TransactionOptions;
import io.stratum.Unavailable;
import io.stratum.spi.Backend;
import io.stratum.spi.SqlFailure;
import io.stratum.spi.WriteGate;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Runs units of work in database transactions: a connection from the pool, the backend's BEGIN statement, the work,
 * COMMIT; ROLLBACK on any failure; the whole unit again, through the {@link Retrier}, on a transient failure. Write
 * transactions queue on the backend's {@link WriteGate}, read-only ones do not. While the work runs, its
 * transaction is bound to the calling thread, so that nested units (a transaction inside another, or any repository
 * call made inside the work) join it instead of opening a second one.
 *
 * <p>A transaction opens with the backend's {@link Backend#beginStatements} on a connection left in auto-commit
 * mode and ends with {@code COMMIT} or {@code ROLLBACK} statements: sqlite-jdbc's {@code commit()} begins the next
 * transaction at once, taking the write lock again (and failing with SQLITE_BUSY after a successful commit if
 * another process took it in between), and pgjdbc's {@code setTransactionIsolation} sets session state that leaks
 * to other clients behind PgBouncer; the statements keep every option to the one transaction. Where the backend
 * has no statement for the options (PostgreSQL's default transaction), the driver opens it instead
 * ({@code setAutoCommit(false)}), which pgjdbc sends along with the first statement, one round trip less.
 *
 * <p>What is retried, and why it is safe: a failure before COMMIT, or a failed COMMIT that the database reports
 * as a serialisation failure, deadlock or lock contention, means the database rolled the transaction back, so
 * running the work again cannot apply it twice. A connection that breaks during COMMIT of a write transaction
 * leaves the outcome unknown: that is thrown as a non-retryable {@link Unavailable}.
 */
public final class TransactionRunner {
    private final DataSource dataSource;
    private volatile boolean closed;
    private final Configuration configuration;
    private final Backend backend;
    private final WriteGate gate;
    private final ErrorTranslator errors;
    private final Retrier retrier;
    private final ThreadLocal<TransactionDatabase> current = new ThreadLocal<>();

    public TransactionRunner(
            DataSource dataSource,
            Configuration configuration,
            Backend backend,
            WriteGate gate,
            ErrorTranslator errors,
            Retrier retrier) {
        this.dataSource = dataSource;
        this.configuration = configuration;
        this.backend = backend;
        this.gate = gate;
        this.errors = errors;
        this.retrier = retrier;
    }

    /** From now on every new unit of work fails at once: the store was closed and its connections with it. */
    public void close() {
        closed = true;
    }

    /** Fails at once, with an {@link Unavailable} that is not retryable, once the store was closed. */
    public void requireOpen() {
        if (closed) {
            throw new Unavailable("the store is closed; open a new one to use the database again", null, false);
        }
    }

    /** The transaction open on this thread, or null. */
    public TransactionDatabase current() {
        return current.get();
    }

    /**
     * Runs {@code work} in a transaction with {@code options} and returns its result; joins the transaction already
     * open on this thread, if any (its options then stay in force).
     */
    public <T> T run(TransactionOptions options, Function<TransactionDatabase, T> work) {
        TransactionDatabase open = current.get();
        if (open != null) {
            return work.apply(open);
        }
        requireOpen();
        return retrier.run(attempt -> options.readOnly()
                ? attempt(options, attempt, work)
                : gate.exclusive(() -> attempt(options, attempt, work)));
    }

    /**
     * Runs {@code work}, which executes one statement, in auto-commit mode: a transaction by itself. Joins the
     * transaction open on this thread, if any. A failure of the statement means it was not applied and is retried
     * like any unit of work, except a broken connection: the statement may have committed, so that is thrown as a
     * non-retryable {@link Unavailable}, as for a COMMIT.
     */
    public <T> T runStatement(Function<DSLContext, T> work) {
        TransactionDatabase open = current.get();
        if (open != null) {
            return open.write(work);
        }
        requireOpen();
        return retrier.run(attempt -> gate.exclusive(() -> autoCommitted(work)));
    }

    private <T> T autoCommitted(Function<DSLContext, T> work) {
        try (Connection connection = dataSource.getConnection()) {
            int[] statements = {0};
            // A JDBC batch counts as several statements: in auto-commit each would commit on its own.
            DSLContext dsl = configuration
                    .derive(connection)
                    .deriveAppending(ExecuteListener.onExecuteStart(ctx -> {
                        if (++statements[0] > 1 || ctx.batchMode() != ExecuteContext.BatchMode.NONE) {
                            throw new IllegalStateException(
                                    "a unit of work meant as one auto-committed statement ran a second"
                                            + " one or a batch: " + ctx.sql());
                        }
                    }))
                    .dsl();
            try {
                return work.apply(dsl);
            } catch (RuntimeException e) {
                RuntimeException failure = errors.translate(e);
                String broke = statements[0] > 0 ? outcomeUnknownBecause(failure, e) : null;
                if (broke != null) {
                    throw new Unavailable(
                            broke + " while an auto-committed statement ran, so it may or "
                                    + "may not have been applied: " + failure.getMessage(),
                            e,
                            false);
                }
                throw failure;
            }
        } catch (SQLException e) {
            throw errors.translate(e);
        }
    }

    private <T> T attempt(TransactionOptions options, int attempt, Function<TransactionDatabase, T> work) {
        try (Connection connection = dataSource.getConnection()) {
            Ending ending = begin(connection, options);
            TransactionDatabase transaction =
                    new TransactionDatabase(configuration, connection, options.readOnly(), attempt);
            try {
                T result = runBound(connection, ending, transaction, work);
                commit(connection, ending, options);
                transaction.committed();
                return result;
            } finally {
                restoreAutoCommit(connection, ending);
            }
        } catch (SQLException e) {
            throw errors.translate(e);
        }
    }

    /** How a transaction is ended: with SQL statements, or through the driver that opened it. */
    private enum Ending {
        STATEMENTS,
        DRIVER
    }

    private Ending begin(Connection connection, TransactionOptions options) throws SQLException {
        List<String> begin = backend.beginStatements(options);
        if (begin.isEmpty()) {
            connection.setAutoCommit(false);
            return Ending.DRIVER;
        }
        for (String statement : begin) {
            execute(connection, statement);
        }
        return Ending.STATEMENTS;
    }

    /** Leaves the connection as the pool lent it; a broken one, which the pool discards, is left alone. */
    private static void restoreAutoCommit(Connection connection, Ending ending) {
        if (ending == Ending.DRIVER) {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException brokenConnection) {
                // The pool discards a broken connection; the outcome of the transaction stands as it is.
            }
        }
    }

    private <T> T runBound(
            Connection connection,
            Ending ending,
            TransactionDatabase transaction,
            Function<TransactionDatabase, T> work) {
        current.set(transaction);
        try {
            T result = work.apply(transaction);
            if (transaction.doom() != null) {
                throw transaction.doom();
            }
            return result;
        } catch (Error failure) {
            rollback(connection, ending, failure);
            throw failure;
        } catch (RuntimeException failure) {
            RuntimeException doom = transaction.doom();
            RuntimeException thrown = doom != null ? doom : errors.translate(failure);
            if (doom != null && failure != doom && failure.getCause() != doom) {
                doom.addSuppressed(failure);
            }
            rollback(connection, ending, thrown);
            throw thrown;
        } finally {
            current.remove();
            transaction.close();
        }
    }

    private void commit(Connection connection, Ending ending, TransactionOptions options) {
        try {
            if (ending == Ending.DRIVER) {
                connection.commit();
            } else {
                execute(connection, "COMMIT");
            }
        } catch (SQLException e) {
            StratumException failure = errors.translate(e);
            // SQLite keeps the transaction open after a failed COMMIT; PostgreSQL has already ended it.
            rollback(connection, ending, failure);
            String broke = options.readOnly() ? null : outcomeUnknownBecause(failure, e);
            if (broke != null) {
                throw new Unavailable(
                        broke + " during COMMIT, so the transaction may or may not have " + "been applied: "
                                + failure.getMessage(),
                        e,
                        false);
            }
            throw failure;
        }
    }

    /**
     * Why a write that failed while committing may nevertheless have been applied ("the connection broke",
     * "writing to the database failed"), or null when the failure shows it was not: the database refused the
     * write before changing anything, or the failure was no {@link Unavailable} at all.
     */
    private String outcomeUnknownBecause(RuntimeException translated, Throwable cause) {
        if (!(translated instanceof Unavailable)) {
            return null;
        }
        SqlFailure.Kind kind = errors.kindOf(cause);
        if (kind == SqlFailure.Kind.STORAGE) {
            return "writing to the database failed";
        }
        return kind == SqlFailure.Kind.WRITE_REFUSED ? null : "the connection broke";
    }

    private static void rollback(Connection connection, Ending ending, Throwable failure) {
        try {
            if (ending == Ending.DRIVER) {
                connection.rollback();
            } else {
                execute(connection, "ROLLBACK");
            }
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
