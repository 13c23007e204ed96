package io.stratum.internal.wake;

import io.stratum.spi.NotificationChannel;
import io.stratum.spi.NotificationsNotDelivered;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that holds a store's listening connection and fires the store's {@link Signal} on every notification.
 * A failed connection is opened again after a pause; meanwhile waiting claims poll. It fires once more each time
 * it starts listening, so that a commit that came before the {@code LISTEN} is looked for too. When notifications
 * cannot reach a listening connection at all ({@link NotificationsNotDelivered}: a pooler in transaction mode), it
 * says so once and stops: the store's waiting claims poll from then on, as with {@code WakeUpMode.POLL}.
 */
final class ListeningThread {
    private static final Logger LOG = LoggerFactory.getLogger(ListeningThread.class);
    /** How long one wait for notifications blocks: how soon the thread sees that the store closed. */
    private static final Duration AWAIT = Duration.ofMillis(200);
    /** Pause before listening again after a failure. */
    private static final Duration RETRY = Duration.ofSeconds(1);
    /** How long {@link #close} waits for the thread to close its connection. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final NotificationChannel channel;
    private final String jdbcUrl;
    private final Map<String, String> driverProperties;
    private final Signal signal;
    private final Thread thread;
    private volatile boolean closed;

    ListeningThread(NotificationChannel channel, String jdbcUrl, Map<String, String> driverProperties, Signal signal) {
        this.channel = channel;
        this.jdbcUrl = jdbcUrl;
        this.driverProperties = Map.copyOf(driverProperties);
        this.signal = signal;
        this.thread = Thread.ofPlatform().daemon().name("stratum-listener").unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Stops listening and waits a little for the connection to close. */
    void close() {
        closed = true;
        thread.interrupt();
        ThreadEnd.await(thread, CLOSE_WAIT);
    }

    private void run() {
        boolean failing = false;
        while (!closed) {
            try (NotificationChannel.Listener listener = channel.listen(jdbcUrl, driverProperties)) {
                if (failing) {
                    LOG.info("listening for claimable tasks again");
                }
                failing = false;
                signal.fire();
                while (!closed) {
                    if (listener.await(AWAIT)) {
                        signal.fire();
                    }
                }
            } catch (NotificationsNotDelivered e) {
                LOG.warn(
                        "{}; waiting claims of this store poll from now on. Set WakeUpMode.POLL for a store that"
                                + " connects through a pooler in transaction mode (PgBouncer)",
                        e.getMessage());
                return;
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!failing) {
                    LOG.warn(
                            "cannot listen for claimable tasks ({}); waiting claims poll until listening works again"
                                    + " (behind a pooler in transaction mode, set WakeUpMode.POLL)",
                            e.getMessage());
                }
                failing = true;
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            // close() interrupts: the loop sees that the store closed.
        }
    }
}
