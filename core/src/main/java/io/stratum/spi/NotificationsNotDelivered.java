package io.stratum.spi;

import java.sql.SQLException;

/**
 * Thrown by {@link NotificationChannel#listen} when the listening connection was opened and accepted the listen
 * command, but a notification sent from another connection did not reach it: the connection goes through a pooler
 * that hands each transaction to any server connection (PgBouncer in transaction mode). Listening again cannot
 * help, so the store stops trying and its waiting claims poll.
 */
public final class NotificationsNotDelivered extends SQLException {
    private static final long serialVersionUID = 1L;

    public NotificationsNotDelivered(String message) {
        super(message);
    }
}
