package io.stratum.bench;

import org.HdrHistogram.Histogram;

/**
 * One measured round: {@code operations} finished in {@code nanos} of wall time, with the latency of each call
 * (in nanoseconds) in {@code latencies}.
 */
record RoundResult(long operations, long nanos, Histogram latencies) {

    double opsPerSecond() {
        return operations * 1e9 / nanos;
    }
}
