package io.stratum.postgres.testdb;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops test databases in the background, several at a time. PostgreSQL 15 makes every DROP DATABASE wait
 * for a checkpoint; drops that wait together share one, so a test does not wait for its own. At most
 * {@value #MAX_PENDING} drops are pending: a test that would exceed that waits for a slot.
 */
final class BackgroundDrops {
    static final int THREADS = 8;
    private static final int MAX_PENDING = 32;
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundDrops.class);
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final Semaphore pending = new Semaphore(MAX_PENDING);
    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS, work -> {
        Thread thread = new Thread(work, "stratum-test-drop-" + THREAD_NUMBER.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** Runs {@code drop} in the background; a failure is logged, since the test it belonged to is over. */
    void submit(String database, Runnable drop) {
        pending.acquireUninterruptibly();
        executor.execute(() -> {
            try {
                drop.run();
            } catch (RuntimeException e) {
                LOG.warn("cannot drop test database {}: {}", database, e.getMessage());
            } finally {
                pending.release();
            }
        });
    }

    /** Waits until every submitted drop has run. */
    void awaitAll() {
        pending.acquireUninterruptibly(MAX_PENDING);
        pending.release(MAX_PENDING);
    }

    /** Waits for the pending drops, then stops the threads. */
    void close() {
        awaitAll();
        executor.shutdown();
    }
}
