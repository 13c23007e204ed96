package io.stratum.sqlite;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a sqlite-jdbc connection's prepared statements for reuse, by SQL text, as pgjdbc does on its own.
 * sqlite-jdbc compiles every {@code prepareStatement} anew ({@code sqlite3_prepare_v2}), which costs about a third
 * of the native time of a short statement; a queue runs the same few statements over and over.
 *
 * <p>Closing a statement handed out here resets it (closing its open result set, clearing its parameters) and
 * keeps it, unless a statement with the same SQL is already kept; the least recently used ones beyond
 * {@value #CAPACITY} are closed. A statement asked for while the kept one is in use is prepared afresh. Closing
 * the connection closes every kept statement. A connection is used by one thread at a time, as a pool lends it.
 */
final class StatementCache implements InvocationHandler {
    static final int CAPACITY = 64;

    private final Connection target;
    private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(16, 0.75f, true);

    private StatementCache(Connection target) {
        this.target = target;
    }

    static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new StatementCache(connection));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") && args.length == 1) {
            return lend((Connection) proxy, (String) args[0]);
        }
        if (method.getName().equals("close")) {
            closeIdle();
        }
        return call(target, method, args);
    }

    private PreparedStatement lend(Connection connection, String sql) throws SQLException {
        PreparedStatement kept = idle.remove(sql);
        PreparedStatement statement = kept != null && !kept.isClosed() ? kept : target.prepareStatement(sql);
        return (PreparedStatement) Proxy.newProxyInstance(
                StatementCache.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class},
                new Lent(connection, sql, statement));
    }

    /**
     * Resets the statement and keeps it. sqlite-jdbc resets a statement when its result set closes; a result set
     * never asked for is asked for here to close it (sqlite-jdbc refuses a second {@code getResultSet}).
     */
    private void giveBack(String sql, PreparedStatement statement, ResultSet lent, boolean resultPending)
            throws SQLException {
        try {
            if (lent != null) {
                lent.close();
            } else if (resultPending) {
                ResultSet unread = statement.getResultSet();
                if (unread != null) {
                    unread.close();
                }
            }
            statement.clearParameters();
            statement.clearBatch();
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
        if (idle.containsKey(sql) || target.isClosed()) {
            statement.close();
            return;
        }
        idle.put(sql, statement);
        if (idle.size() > CAPACITY) {
            Iterator<PreparedStatement> eldest = idle.values().iterator();
            PreparedStatement evicted = eldest.next();
            eldest.remove();
            evicted.close();
        }
    }

    private void closeIdle() throws SQLException {
        SQLException first = null;
        for (PreparedStatement statement : idle.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        idle.clear();
        if (first != null) {
            throw first;
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** One lending of a statement: closing it gives it back. */
    private final class Lent implements InvocationHandler {
        private final Connection connection;
        private final String sql;
        private final PreparedStatement statement;
        private ResultSet lent;
        private boolean resultPending;
        private boolean returned;

        Lent(Connection connection, String sql, PreparedStatement statement) {
            this.connection = connection;
            this.sql = sql;
            this.statement = statement;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (!returned) {
                        returned = true;
                        giveBack(sql, statement, lent, resultPending);
                    }
                    return null;
                }
                case "isClosed" -> {
                    return returned || statement.isClosed();
                }
                case "getConnection" -> {
                    return connection;
                }
                default -> {
                    if (returned) {
                        throw new SQLException("statement is closed");
                    }
                    Object result = call(statement, method, args);
                    if (result instanceof ResultSet resultSet) {
                        lent = resultSet;
                    } else if (method.getName().equals("execute")) {
                        resultPending = (Boolean) result;
                    }
                    return result;
                }
            }
        }
    }
}
