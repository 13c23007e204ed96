package io.stratum.postgres;

import io.stratum.spi.NotificationChannel;
import io.stratum.spi.NotificationsNotDelivered;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * {@code LISTEN}/{@code NOTIFY} on one channel. PostgreSQL delivers a {@code NOTIFY} when its transaction commits
 * and folds identical ones of a transaction into one; each listener is a connection of its own, opened through the
 * driver with the store's URL and properties, never taken from the pool.
 *
 * <p>A {@code LISTEN} through PgBouncer in transaction mode succeeds but registers a server connection that
 * PgBouncer hands to other clients once the statement ends, so no notification ever reaches the listener. A new
 * listener therefore checks its line first: it sends a probe, a notification with a payload of its own, from a
 * second connection and waits up to {@link #PROBE_WAIT} for it; if the probe does not arrive it fails with
 * {@link NotificationsNotDelivered}.
 */
final class PostgresNotifications implements NotificationChannel {
    /** The channel, the same for every store on the database. */
    static final String CHANNEL = "stratum_tasks_ready";
    /** How long a new listener waits for its probe; on a direct connection it arrives within milliseconds. */
    static final Duration PROBE_WAIT = Duration.ofSeconds(5);

    private static final String PROBE_PREFIX = "probe ";

    @Override
    public String notifyStatement() {
        return "NOTIFY " + CHANNEL;
    }

    @Override
    public Listener listen(String jdbcUrl, Map<String, String> driverProperties) throws SQLException {
        Connection connection = connect(jdbcUrl, driverProperties);
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
            }
            PGConnection pg = connection.unwrap(PGConnection.class);
            awaitProbe(pg, jdbcUrl, driverProperties);
            return new PostgresListener(connection, pg);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static Connection connect(String jdbcUrl, Map<String, String> driverProperties) throws SQLException {
        Connection connection = new Driver().connect(jdbcUrl, PostgresBackend.properties(driverProperties));
        if (connection == null) {
            throw new SQLException("pgjdbc does not accept the URL");
        }
        return connection;
    }

    /** Sends a probe from another connection and waits for it on {@code listening}. */
    private static void awaitProbe(PGConnection listening, String jdbcUrl, Map<String, String> driverProperties)
            throws SQLException {
        String probe = PROBE_PREFIX + UUID.randomUUID();
        try (Connection sender = connect(jdbcUrl, driverProperties);
                PreparedStatement notify = sender.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, probe);
            notify.execute();
        }
        long deadline = System.nanoTime() + PROBE_WAIT.toNanos();
        for (long left = PROBE_WAIT.toMillis(); left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
            PGNotification[] arrived = listening.getNotifications((int) Math.max(1, left));
            if (arrived != null) {
                for (PGNotification notification : arrived) {
                    if (probe.equals(notification.getParameter())) {
                        return;
                    }
                }
            }
        }
        throw new NotificationsNotDelivered("a notification sent to channel " + CHANNEL
                + " did not reach the listening connection within " + PROBE_WAIT.toMillis()
                + " ms: the connection goes through a pooler in transaction mode, or the server is overloaded");
    }

    /** A connection that listens; probes of other stores' listeners do not count as notifications. */
    private record PostgresListener(Connection connection, PGConnection pg) implements Listener {
        @Override
        public boolean await(Duration timeout) throws SQLException {
            PGNotification[] arrived = pg.getNotifications((int) Math.max(1, timeout.toMillis()));
            if (arrived == null) {
                return false;
            }
            for (PGNotification notification : arrived) {
                if (!notification.getParameter().startsWith(PROBE_PREFIX)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException alreadyBroken) {
                // Nothing is left to release on a connection that failed.
            }
        }
    }
}
