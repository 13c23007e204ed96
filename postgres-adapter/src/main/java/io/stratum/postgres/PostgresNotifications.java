package io.stratum.postgres;

import io.stratum.spi.NotificationChannel;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * {@code LISTEN}/{@code NOTIFY} on one channel. PostgreSQL delivers a {@code NOTIFY} when its transaction commits
 * and folds identical ones of a transaction into one; each listener is a connection of its own, opened through the
 * driver with the store's URL and properties, never taken from the pool.
 */
final class PostgresNotifications implements NotificationChannel {
    /** The channel, the same for every store on the database. */
    static final String CHANNEL = "stratum_tasks_ready";

    @Override
    public String notifyStatement() {
        return "SELECT pg_notify('" + CHANNEL + "', '')";
    }

    @Override
    public Listener listen(String jdbcUrl, Map<String, String> driverProperties) throws SQLException {
        Connection connection = new Driver().connect(jdbcUrl, PostgresBackend.properties(driverProperties));
        if (connection == null) {
            throw new SQLException("pgjdbc does not accept the URL");
        }
        try (Statement s = connection.createStatement()) {
            s.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        return new Listener() {
            @Override
            public boolean await(Duration timeout) throws SQLException {
                PGNotification[] arrived = pg.getNotifications((int) Math.max(1, timeout.toMillis()));
                return arrived != null && arrived.length > 0;
            }

            @Override
            public void close() {
                try {
                    connection.close();
                } catch (SQLException alreadyBroken) {
                    // Nothing is left to release on a connection that failed.
                }
            }
        };
    }
}
