package io.stratum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;

/** Runs the same loop on several platform threads at once and times them from a common start. */
final class Workers {

    /** The loop one thread runs; returns the number of operations it completed. */
    @FunctionalInterface
    interface Loop {
        long run(int worker, Histogram latencies) throws Exception;
    }

    private Workers() {}

    /**
     * Starts {@code threads} threads, releases them together, and returns the operations of all of them, the
     * wall time from the release until the last one finished, and their merged latencies. The first failure of
     * any thread is rethrown.
     */
    static RoundResult run(int threads, Loop loop) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> futures = new ArrayList<>();
            List<Histogram> histograms = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int worker = i;
                Histogram histogram = Latencies.histogram();
                histograms.add(histogram);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return loop.run(worker, histogram);
                }));
            }
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            long operations = 0;
            for (Future<Long> future : futures) {
                operations += join(future);
            }
            long nanos = System.nanoTime() - start;
            Histogram merged = Latencies.histogram();
            histograms.forEach(merged::add);
            return new RoundResult(operations, nanos, merged);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long join(Future<Long> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
