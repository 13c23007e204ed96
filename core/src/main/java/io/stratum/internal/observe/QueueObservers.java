package io.stratum.internal.observe;

import io.stratum.queue.QueueObserver;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observers registered on one store. Reading them is one volatile read, so that a store without observers pays
 * nothing more; an observer that throws is logged at WARN the first time and at DEBUG after, and the others are
 * still told. Thread-safe.
 */
public final class QueueObservers {
    private static final Logger LOG = LoggerFactory.getLogger(QueueObservers.class);
    private static final Guarded[] NONE = {};

    private volatile Guarded[] observers = NONE;

    /** Whether any observer is registered. */
    public boolean any() {
        return observers.length > 0;
    }

    /** Adds {@code observer}; closing the registration removes it. */
    public QueueObserver.Registration add(QueueObserver observer) {
        Guarded guarded = new Guarded(Objects.requireNonNull(observer, "observer"), new AtomicBoolean());
        synchronized (this) {
            Guarded[] grown = Arrays.copyOf(observers, observers.length + 1);
            grown[grown.length - 1] = guarded;
            observers = grown;
        }
        return () -> remove(guarded);
    }

    private synchronized void remove(Guarded guarded) {
        observers = Arrays.stream(observers).filter(o -> o != guarded).toArray(Guarded[]::new);
    }

    /** Tells every observer {@code event}. */
    void tell(Consumer<QueueObserver> event) {
        for (Guarded guarded : observers) {
            guarded.tell(event);
        }
    }

    /** An observer and whether its failure was logged at WARN yet. */
    private record Guarded(QueueObserver observer, AtomicBoolean warned) {
        void tell(Consumer<QueueObserver> event) {
            try {
                event.accept(observer);
            } catch (RuntimeException e) {
                if (warned.compareAndSet(false, true)) {
                    LOG.warn("queue observer {} failed; its later failures are logged at DEBUG", observer, e);
                } else {
                    LOG.debug("queue observer {} failed again", observer, e);
                }
            }
        }
    }
}
