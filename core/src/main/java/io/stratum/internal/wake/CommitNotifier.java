package io.stratum.internal.wake;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the database's notification on behalf of writes that committed, from a thread of its own, on a connection
 * of the store's pool in auto-commit. Requests that arrive while one is being sent, or within {@link #GAP} after it,
 * fold into the next one: however many writes commit, a store sends at most one notification per gap, and the first
 * after a quiet spell at once.
 *
 * <p>Notifying inside the writes' own transactions would cost each of them the lock that PostgreSQL takes when a
 * transaction that notified commits, held until the notification is queued: concurrent submits then commit one
 * after the other. Sent after the commit, the notification still reports only committed work; if the process ends
 * between a commit and its notification, waiting claims elsewhere find the task at their next poll.
 */
final class CommitNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(CommitNotifier.class);
    /**
     * The least time between two notifications of a store. Each costs a round trip and the server's notification
     * queue; under a stream of submits the claims are busy anyway, and on an idle queue the first goes out at once.
     */
    static final Duration GAP = Duration.ofMillis(2);
    /** How long {@link #close} waits for a requested notification to go out. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final DataSource pool;
    private final String statement;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final Thread thread;
    private boolean started;
    private volatile boolean closed;

    CommitNotifier(DataSource pool, String statement) {
        this.pool = pool;
        this.statement = statement;
        this.thread = Thread.ofPlatform().daemon().name("stratum-notifier").unstarted(this::run);
    }

    /** Asks for a notification to be sent soon; returns at once. */
    void request() {
        if (requested.compareAndSet(false, true)) {
            startOnce();
            LockSupport.unpark(thread);
        }
    }

    private synchronized void startOnce() {
        if (!started && !closed) {
            started = true;
            thread.start();
        }
    }

    /** Sends what was requested before and stops the thread, waiting a little for it. */
    void close() {
        boolean running;
        synchronized (this) {
            closed = true;
            running = started;
        }
        if (running) {
            LockSupport.unpark(thread);
            ThreadEnd.await(thread, CLOSE_WAIT);
        }
    }

    private void run() {
        boolean failing = false;
        long sentAt = System.nanoTime() - GAP.toNanos();
        while (true) {
            long early = sentAt + GAP.toNanos() - System.nanoTime();
            if (early > 0 && !closed) {
                LockSupport.parkNanos(this, early);
            } else if (requested.getAndSet(false)) {
                failing = send(failing);
                sentAt = System.nanoTime();
            } else if (closed) {
                return;
            } else {
                LockSupport.park(this);
            }
        }
    }

    /** Sends one notification; returns whether it failed, logging the first of a run of failures. */
    private boolean send(boolean failing) {
        try (Connection connection = pool.getConnection();
                Statement notify = connection.createStatement()) {
            notify.execute(statement);
            if (failing) {
                LOG.info("notifying waiting claims of other stores again");
            }
            return false;
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                LOG.warn(
                        "cannot notify waiting claims of other stores ({}); they find new tasks at their next poll",
                        e.getMessage());
            }
            return true;
        }
    }
}
