package io.stratum.internal.wake;

import io.stratum.StratumSettings;
import io.stratum.internal.tx.TransactionDatabase;
import io.stratum.internal.tx.TransactionRunner;
import io.stratum.queue.QueueSettings;
import io.stratum.queue.WakeUpMode;
import io.stratum.spi.Backend;
import io.stratum.spi.NotificationChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Wakes a store's waiting claims when tasks become claimable. Writes that make tasks claimable call
 * {@link #madeReady} inside their transaction; waiting claims loop in {@link #untilFound}.
 *
 * <p>With the backend's {@link NotificationChannel} (in {@link WakeUpMode#NOTIFY}, on a store opened from a URL),
 * the transaction runs the channel's notify statement once, however many tasks it makes claimable, and the
 * database delivers it at commit to the listening connection of every store, in any process; a
 * {@link ListeningThread}, started by the first waiting claim, fires this store's signal. Otherwise the transaction
 * fires, once it committed, the {@link SharedSignals signal} that every store of this JVM on the same database
 * waits on, and claims poll for the submits of other processes. Either way a waiting claim also looks every poll
 * interval.
 */
public final class WakeUps implements AutoCloseable {
    private final TransactionRunner transactions;
    private final Object database;
    private final Signal signal;
    private final String notifyStatement;
    private final Field<?> notifyExpression;
    private final ListeningThread listening;
    private final long pollNanos;
    private boolean listeningStarted;
    private volatile boolean closed;

    private WakeUps(
            TransactionRunner transactions,
            Object database,
            Signal signal,
            NotificationChannel channel,
            ListeningThread listening,
            Duration poll) {
        this.transactions = transactions;
        this.database = database;
        this.signal = signal;
        this.notifyStatement = channel == null ? null : channel.notifyStatement();
        // A constant of the backend adapter, not input: plain SQL of a fixed text.
        this.notifyExpression = channel == null
                ? null
                : channel.notifyExpression().map(DSL::field).orElse(null);
        this.listening = listening;
        this.pollNanos = poll.toNanos();
    }

    /**
     * The wake-ups of a store with {@code settings}, connected with {@code driverProperties} (to a URL) or to
     * {@code dataSource} (the application's).
     */
    public static WakeUps open(
            Backend backend,
            StratumSettings settings,
            Map<String, String> driverProperties,
            DataSource dataSource,
            TransactionRunner transactions) {
        QueueSettings queue = settings.queue();
        Optional<NotificationChannel> channel = queue.wakeUpMode() == WakeUpMode.NOTIFY
                ? backend.notifications().filter(c -> settings.url().isPresent())
                : Optional.empty();
        if (channel.isPresent()) {
            Signal own = new Signal();
            ListeningThread listening =
                    new ListeningThread(channel.get(), settings.url().get(), driverProperties, own);
            return new WakeUps(transactions, null, own, channel.get(), listening, queue.pollInterval());
        }
        Object database = settings.url()
                .<Object>map(url ->
                        backend.name() + " " + url + " " + settings.schema().orElse(""))
                .orElse(dataSource);
        return new WakeUps(transactions, database, SharedSignals.acquire(database), null, null, queue.pollInterval());
    }

    /**
     * Whether a write of one statement that makes tasks claimable must run in a transaction rather than
     * auto-committed: the notification is a statement of its own, the database having no expression for it.
     */
    public boolean notifiesInTransaction() {
        return notifyStatement != null && notifyExpression == null;
    }

    /**
     * The expression a write's own statement returns to notify as its transaction commits (see
     * {@link NotificationChannel#notifyExpression()}), or null when this store does not notify that way; a write
     * that returned it calls {@link #notifiedReady} instead of {@link #madeReady}.
     */
    public Field<?> notifyExpression() {
        return notifyExpression;
    }

    /**
     * Records that the current write makes tasks claimable: on its first call in a transaction, runs the notify
     * statement on {@code dsl} or registers the signal for after the commit. A write in auto-commit mode has
     * committed by the time it calls this, so the signal fires at once.
     */
    public void madeReady(DSLContext dsl) {
        TransactionDatabase transaction = transactions.current();
        if (transaction == null) {
            signal.fire();
        } else if (transaction.onCommitOnce(this, notifyStatement == null ? signal::fire : () -> {})
                && notifyStatement != null) {
            dsl.execute(notifyStatement);
        }
    }

    /**
     * Records that the current write made tasks claimable with a statement that returned {@link #notifyExpression}:
     * nothing is left to send, and a later write of the same transaction sends nothing either.
     */
    public void notifiedReady() {
        TransactionDatabase transaction = transactions.current();
        if (transaction == null) {
            signal.fire();
        } else {
            transaction.onCommitOnce(this, () -> {});
        }
    }

    /**
     * Calls {@code look} until it finds something, the store closes or {@code wait} has passed, whichever comes
     * first, and returns what it found last. Between looks it waits for a wake-up, at most the poll interval. Inside
     * a transaction it looks once: the transaction would stay open while it waits. An interrupt ends the wait with
     * what was found (nothing) and leaves the thread's interrupt status set.
     */
    public <T> List<T> untilFound(Duration wait, Supplier<List<T>> look) {
        if (transactions.current() != null) {
            return look.get();
        }
        startListening();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long seen = signal.generation();
            List<T> found = look.get();
            long left = deadline - System.nanoTime();
            if (!found.isEmpty() || left <= 0 || closed) {
                return found;
            }
            try {
                signal.await(seen, Math.min(left, pollNanos));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
            if (closed) {
                return found;
            }
        }
    }

    private synchronized void startListening() {
        if (listening != null && !listeningStarted && !closed) {
            listeningStarted = true;
            listening.start();
        }
    }

    /** Releases every waiting claim of this store and closes the listening connection. Idempotent. */
    @Override
    public void close() {
        boolean stopListening;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopListening = listeningStarted;
        }
        signal.fire();
        if (stopListening) {
            listening.close();
        }
        if (database != null) {
            SharedSignals.release(database);
        }
    }
}
