package io.stratum.cli;

import java.time.Duration;

/**
 * Lets a long-running command stop cleanly on Ctrl-C: a shutdown hook interrupts the command's thread, whose sleep
 * then returns false, and waits (up to a few seconds) until the command has closed the store and calls
 * {@link #close()}.
 */
final class Interruption implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Thread worker;
    private final Thread hook;
    private volatile boolean stopping;
    private volatile boolean finished;

    private Interruption(Thread worker) {
        this.worker = worker;
        this.hook = new Thread(this::stop, "stratum-interrupt");
    }

    /** Watches for the JVM's shutdown (Ctrl-C, SIGTERM) on behalf of the calling thread. */
    static Interruption onShutdown() {
        Interruption interruption = new Interruption(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    /** Sleeps for {@code duration}; false if the command should stop instead. */
    boolean sleep(Duration duration) {
        if (stopping) {
            return false;
        }
        try {
            Thread.sleep(duration);
            return !stopping;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether Ctrl-C (or another shutdown) asked the command to stop. */
    boolean stopping() {
        return stopping;
    }

    private void stop() {
        stopping = true;
        worker.interrupt();
        long deadline = System.nanoTime() + GRACE.toNanos();
        synchronized (this) {
            while (!finished && System.nanoTime() < deadline) {
                try {
                    wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Once the store is closed: removes the hook, or, if it runs (Ctrl-C), lets the JVM exit. */
    @Override
    public void close() {
        synchronized (this) {
            finished = true;
            notifyAll();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running and has just been released.
        }
    }
}
