package io.stratum.cli.demo;

import java.util.Arrays;
import java.util.List;

/** Durations recorded by one worker (not thread-safe), merged across workers for percentiles. */
final class Latencies {
    private long[] nanos = new long[256];
    private int size;

    void add(long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = value;
    }

    /** All values of {@code parts}, sorted. */
    static long[] merged(List<Latencies> parts) {
        long[] all = new long[parts.stream().mapToInt(p -> p.size).sum()];
        int at = 0;
        for (Latencies part : parts) {
            System.arraycopy(part.nanos, 0, all, at, part.size);
            at += part.size;
        }
        Arrays.sort(all);
        return all;
    }

    /** The {@code p}-th percentile (0..100) of sorted {@code values} by the nearest-rank method; 0 if empty. */
    static long percentile(long[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * values.length);
        return values[Math.clamp(rank - 1, 0, values.length - 1)];
    }
}
