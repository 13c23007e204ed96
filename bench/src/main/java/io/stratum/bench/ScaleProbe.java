package io.stratum.bench;

import io.stratum.queue.Claimed;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Workload 6: single-threaded latency of {@code getReadyTasks(10)} or {@code claim(1)} against a table holding
 * many ready tasks. Each claimed task is completed and replaced by a new ready task outside the timed call, so
 * the queue keeps its depth however many rounds run.
 */
final class ScaleProbe implements Contender {
    enum Call {
        READY("getReadyTasks(10)"),
        CLAIM("claim(1)");

        final String label;

        Call(String label) {
            this.label = label;
        }
    }

    private final StratumQueue queue;
    private final Call call;
    private final int callsPerRound;
    private long replacements;

    ScaleProbe(StratumQueue queue, Call call, int callsPerRound) {
        this.queue = queue;
        this.call = call;
        this.callsPerRound = callsPerRound;
    }

    @Override
    public String system() {
        return call.label;
    }

    @Override
    public RoundResult round(int index) {
        Histogram latencies = Latencies.histogram();
        long timed = 0;
        for (int i = 0; i < callsPerRound; i++) {
            long start = System.nanoTime();
            if (call == Call.READY) {
                Checks.equal(
                        "ready tasks returned",
                        10,
                        queue.stratum().tasks().getReadyTasks(10).size());
                timed += System.nanoTime() - start;
                Latencies.record(latencies, start);
                continue;
            }
            List<Claimed> claimed = queue.claim("probe", 1, ClaimComplete.LEASE);
            long nanos = System.nanoTime() - start;
            timed += nanos;
            latencies.recordValue(nanos);
            Checks.equal("tasks claimed", 1, claimed.size());
            queue.complete(claimed.getFirst());
            queue.submit(BenchTask.number(Integer.MAX_VALUE + ++replacements));
        }
        return new RoundResult(callsPerRound, timed, latencies);
    }

    @Override
    public void close() {
        queue.close();
    }
}
