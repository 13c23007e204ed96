package io.stratum.bench;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The measured rounds of one contender: throughput per round (median and spread reported) and the
 * latencies of all measured rounds together.
 */
record Measurement(List<Double> opsPerSecond, Histogram latencies) {

    Measurement {
        if (opsPerSecond.isEmpty()) {
            throw new IllegalArgumentException("no measured round");
        }
        opsPerSecond = opsPerSecond.stream().sorted().toList();
    }

    static Measurement of(List<RoundResult> rounds) {
        Histogram merged = Latencies.histogram();
        rounds.forEach(r -> merged.add(r.latencies()));
        return new Measurement(rounds.stream().map(RoundResult::opsPerSecond).toList(), merged);
    }

    double median() {
        int n = opsPerSecond.size();
        return n % 2 == 1 ? opsPerSecond.get(n / 2) : (opsPerSecond.get(n / 2 - 1) + opsPerSecond.get(n / 2)) / 2;
    }

    /** Half the range of the rounds' throughput, relative to the median: 0.05 means +-5 %. */
    double spread() {
        return (opsPerSecond.getLast() - opsPerSecond.getFirst()) / 2 / median();
    }

    /** Latency at {@code percentile} (0..100) in microseconds, or NaN when nothing was recorded. */
    double latencyMicros(double percentile) {
        return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1_000.0;
    }
}
