package io.stratum.internal.wake;

import java.time.Duration;

/** Waiting, bounded, for a thread of a store's wake-ups to end as the store closes. */
final class ThreadEnd {
    private ThreadEnd() {}

    /** Waits up to {@code wait} for {@code thread} to end; an interrupt ends the wait and stays set. */
    static void await(Thread thread, Duration wait) {
        try {
            thread.join(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
