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

/**
 * Wakes a store's waiting claims when tasks become claimable. Writes that make tasks claimable call
 * {@link #madeReady} inside their transaction; waiting claims loop in {@link #untilFound}.
 *
 * <p>Once such a write committed, it fires the store's {@link Signal}. With the backend's {@link NotificationChannel}
 * (in {@link WakeUpMode#NOTIFY}, on a store opened from a URL), it also asks the store's {@link CommitNotifier} to
 * notify, and the database delivers that to the listening connection of every store, in any process; a
 * {@link ListeningThread}, started by the first waiting claim, fires the signal of its store. Without one, the
 * signal is the {@link SharedSignals one} that every store of this JVM on the same database waits on, and claims
 * poll for the submits of other processes. Either way a waiting claim also looks every poll interval.
 */
public final class WakeUps implements AutoCloseable {
    private final TransactionRunner transactions;
    private final Object database;
    private final Signal signal;
    private final CommitNotifier notifier;
    private final ListeningThread listening;
    private final long pollNanos;
    private boolean listeningStarted;
    private volatile boolean closed;

    private WakeUps(
            TransactionRunner transactions,
            Object database,
            Signal signal,
            CommitNotifier notifier,
            ListeningThread listening,
            Duration poll) {
        this.transactions = transactions;
        this.database = database;
        this.signal = signal;
        this.notifier = notifier;
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
            CommitNotifier notifier =
                    new CommitNotifier(dataSource, channel.get().notifyStatement());
            return new WakeUps(transactions, null, own, notifier, listening, queue.pollInterval());
        }
        Object database = settings.url()
                .<Object>map(url ->
                        backend.name() + " " + url + " " + settings.schema().orElse(""))
                .orElse(dataSource);
        return new WakeUps(transactions, database, SharedSignals.acquire(database), null, null, queue.pollInterval());
    }

    /**
     * Records that the current write makes tasks claimable: once it committed (at once for a write in auto-commit
     * mode, which has committed by the time it calls this), fires the signal and asks for a notification, once per
     * transaction however many writes of it call this.
     */
    public void madeReady() {
        TransactionDatabase transaction = transactions.current();
        if (transaction == null) {
            wake();
        } else {
            transaction.onCommitOnce(this, this::wake);
        }
    }

    private void wake() {
        signal.fire();
        if (notifier != null) {
            notifier.request();
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

    /**
     * Releases every waiting claim of this store, sends a notification still asked for and closes the listening
     * connection. Idempotent.
     */
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
        if (notifier != null) {
            notifier.close();
        }
        if (stopListening) {
            listening.close();
        }
        if (database != null) {
            SharedSignals.release(database);
        }
    }
}
