package io.stratum.internal.wake;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An event count: waiters read the {@link #generation()} before they look for work and then wait until it moves
 * on, so that a {@link #fire()} between their look and their wait is never lost. Thread-safe.
 */
final class Signal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition fired = lock.newCondition();
    private long generation;

    /** The number of fires so far: what a waiter saw before it looked for work. */
    long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiter. */
    void fire() {
        lock.lock();
        try {
            generation++;
            fired.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the generation differs from {@code seen} or {@code nanos} have passed.
     *
     * @throws InterruptedException if the thread is interrupted before or while it waits
     */
    void await(long seen, long nanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long left = nanos;
            while (generation == seen && left > 0) {
                left = fired.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }
}
