package io.stratum.spi;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * How a database tells waiting claims of every process that tasks became claimable (PostgreSQL:
 * {@code LISTEN}/{@code NOTIFY}). After writes that made tasks claimable committed, the store runs
 * {@link #notifyStatement()} in auto-commit on a connection of its pool, one at a time, folding the requests of
 * writes that commit meanwhile into the next one; each store listens on a connection of its own, outside its pool. A
 * backend without one ({@link Backend#notifications()} empty) leaves waiting claims to signals within the JVM and
 * bounded polling.
 */
public interface NotificationChannel {

    /** The constant statement that notifies every listener of this database, run in auto-commit. */
    String notifyStatement();

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
