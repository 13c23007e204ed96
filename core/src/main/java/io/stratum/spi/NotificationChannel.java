package io.stratum.spi;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How a database tells waiting claims of every process that tasks became claimable (PostgreSQL:
 * {@code LISTEN}/{@code NOTIFY}). A transaction that makes tasks claimable runs {@link #notifyStatement()} once,
 * and the database delivers the notification when, and only if, it commits; each store listens on a connection of
 * its own, outside its pool. A backend without one ({@link Backend#notifications()} empty) leaves waiting claims to
 * signals within the JVM and bounded polling.
 */
public interface NotificationChannel {

    /** The constant statement that notifies every listener of this database when its transaction commits. */
    String notifyStatement();

    /**
     * A constant expression that notifies as {@link #notifyStatement()} does, for a write that notifies in its own
     * statement (PostgreSQL: {@code pg_notify(...)} in an INSERT's {@code RETURNING}), so that a write of one
     * statement needs no transaction around it. Evaluated once per returned row; the database delivers one
     * notification per transaction. Empty (the default) where there is none: such writes then run
     * {@link #notifyStatement()} in a transaction.
     */
    default Optional<String> notifyExpression() {
        return Optional.empty();
    }

    /**
     * Opens a connection of its own to {@code jdbcUrl} with {@code driverProperties} (the store's) and starts
     * listening on it.
     *
     * @throws NotificationsNotDelivered if the connection listens but notifications do not reach it (behind a
     *     pooler in transaction mode)
     * @throws SQLException if the connection cannot be opened or refuses to listen
     */
    Listener listen(String jdbcUrl, Map<String, String> driverProperties) throws SQLException;

    /** A listening connection; used by one thread at a time. */
    interface Listener extends AutoCloseable {

        /**
         * Waits up to {@code timeout} (at least 1 ms) for notifications and consumes those that arrived.
         *
         * @return whether at least one arrived
         * @throws SQLException if the connection failed
         */
        boolean await(Duration timeout) throws SQLException;

        /** Closes the connection. */
        @Override
        void close();
    }
}
