package io.stratum.internal.wake;

import java.util.HashMap;
import java.util.Map;

/**
 * The JVM-wide {@link Signal} of each database, keyed by its identity (the JDBC URL and schema, or the application's
 * DataSource): every store of this JVM on the same database fires and waits on the same signal, so a submit through
 * one store wakes the claims waiting in another. Reference-counted: a database's signal is dropped when its last
 * store closes.
 */
final class SharedSignals {
    private static final Map<Object, Shared> SIGNALS = new HashMap<>();

    private SharedSignals() {}

    /** The signal of the database {@code key}; each call must be matched by one {@link #release}. */
    static synchronized Signal acquire(Object key) {
        Shared shared = SIGNALS.computeIfAbsent(key, k -> new Shared(new Signal()));
        shared.users++;
        return shared.signal;
    }

    /** Gives back one {@link #acquire} of {@code key}. */
    static synchronized void release(Object key) {
        Shared shared = SIGNALS.get(key);
        if (shared != null && --shared.users == 0) {
            SIGNALS.remove(key);
        }
    }

    private static final class Shared {
        private final Signal signal;
        private int users;

        private Shared(Signal signal) {
            this.signal = signal;
        }
    }
}
