package io.stratum.bench;

import org.HdrHistogram.Histogram;

/** Latency histograms in nanoseconds, 3 significant digits, up to a minute per call. */
final class Latencies {
    private static final long MAX_NANOS = 60_000_000_000L;

    private Latencies() {}

    static Histogram histogram() {
        return new Histogram(MAX_NANOS, 3);
    }

    /** Records the time since {@code startNanos}, clamped to the histogram's range. */
    static void record(Histogram histogram, long startNanos) {
        histogram.recordValue(Math.min(System.nanoTime() - startNanos, MAX_NANOS));
    }
}
