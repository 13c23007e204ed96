package io.stratum.sqlite;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs JDBC transactions on a sqlite-jdbc connection with explicit SQL, leaving the driver in auto-commit.
 *
 * <p>sqlite-jdbc begins a new transaction eagerly: on {@code setAutoCommit(false)} and again right after every
 * {@code commit()}. In IMMEDIATE mode that re-takes the database's write lock after each commit and holds it
 * while the connection idles, starving other processes, and a busy failure of that second BEGIN surfaces
 * from a {@code commit()} that did succeed. Here, with auto-commit off, a transaction begins lazily when the
 * next statement is created: {@code BEGIN IMMEDIATE} for writers (so no read-to-write lock upgrade can fail
 * with SQLITE_BUSY mid-transaction), {@code BEGIN DEFERRED} on connections marked read-only. It ends with
 * {@code COMMIT} or {@code ROLLBACK} and nothing after.
 */
final class ExplicitTransactions implements InvocationHandler {
    private final Connection target;
    private final AtomicInteger savepoints = new AtomicInteger();
    private boolean autoCommit = true;
    private boolean inTransaction;
    private boolean readOnly;

    private ExplicitTransactions(Connection target) {
        this.target = target;
    }

    static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                ExplicitTransactions.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new ExplicitTransactions(connection));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        int arity = args == null ? 0 : args.length;
        switch (method.getName()) {
            case "setAutoCommit" -> setAutoCommit((Boolean) args[0]);
            case "getAutoCommit" -> {
                return autoCommit;
            }
            case "commit" -> end("COMMIT");
            case "rollback" -> {
                if (arity == 0) {
                    end("ROLLBACK");
                } else {
                    execute("ROLLBACK TO " + ((Savepoint) args[0]).getSavepointName());
                }
            }
            case "setSavepoint" -> {
                return savepoint(arity == 0 ? "sp_" + savepoints.incrementAndGet() : (String) args[0]);
            }
            case "releaseSavepoint" -> execute("RELEASE " + ((Savepoint) args[0]).getSavepointName());
            case "setReadOnly" -> readOnly = (Boolean) args[0];
            case "isReadOnly" -> {
                return readOnly;
            }
            case "close" -> {
                if (inTransaction && !target.isClosed()) {
                    end("ROLLBACK");
                }
                target.close();
            }
            case "unwrap" -> {
                return ((Class<?>) args[0]).isInstance(proxy) ? proxy : target.unwrap((Class<?>) args[0]);
            }
            case "isWrapperFor" -> {
                return ((Class<?>) args[0]).isInstance(proxy) || target.isWrapperFor((Class<?>) args[0]);
            }
            case "createStatement", "prepareStatement", "prepareCall" -> {
                beginIfDue();
                return delegate(method, args);
            }
            default -> {
                return delegate(method, args);
            }
        }
        return null;
    }

    private Object delegate(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void setAutoCommit(boolean on) throws SQLException {
        if (on && inTransaction) {
            end("COMMIT");
        }
        autoCommit = on;
    }

    /**
     * How every SQLite transaction starts, through JDBC here or through {@link SqliteBackend#beginStatement}:
     * writers take the write lock up front, readers start deferred.
     */
    static String begin(boolean readOnly) {
        return readOnly ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE";
    }

    private void beginIfDue() throws SQLException {
        if (!autoCommit && !inTransaction) {
            execute(begin(readOnly));
            inTransaction = true;
        }
    }

    /**
     * A COMMIT that fails (SQLITE_BUSY) leaves the transaction open, as SQLite documents, so the caller can
     * still roll it back; a ROLLBACK always ends it.
     */
    private void end(String command) throws SQLException {
        if (autoCommit && !inTransaction) {
            throw new SQLException("database in auto-commit mode");
        }
        if (!inTransaction) {
            return;
        }
        try {
            execute(command);
            inTransaction = false;
        } finally {
            if (command.equals("ROLLBACK")) {
                inTransaction = false;
            }
        }
    }

    private Savepoint savepoint(String name) throws SQLException {
        if (autoCommit) {
            throw new SQLException("database in auto-commit mode");
        }
        beginIfDue();
        execute("SAVEPOINT " + name);
        return new Savepoint() {
            @Override
            public int getSavepointId() throws SQLException {
                throw new SQLException("named savepoint");
            }

            @Override
            public String getSavepointName() {
                return name;
            }
        };
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = target.createStatement()) {
            s.execute(sql);
        }
    }
}
