package io.stratum.bench;

import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Workload 7, run by {@link BulkGroup} in a JVM of its own with a small heap: enqueues {@code count} tasks
 * through {@code submitAll} in batches, then prints one line for the parent:
 * {@code RESULT <tasks> <nanos> <old-generation peak bytes> <base64 latency histogram>}.
 */
public final class BulkEnqueue {
    static final String RESULT = "RESULT ";

    private BulkEnqueue() {}

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        BenchMain.quietLogging();
        String url = args[0];
        int count = Integer.parseInt(args[1]);
        int batchSize = Integer.parseInt(args[2]);
        Histogram latencies = Latencies.histogram();
        long nanos;
        try (Stratum db = Stratum.open(url)) {
            db.migrate();
            long start = System.nanoTime();
            for (int done = 0; done < count; done += batchSize) {
                List<NewTask> batch = new ArrayList<>(batchSize);
                for (int i = done; i < Math.min(count, done + batchSize); i++) {
                    batch.add(StratumQueue.toNewTask(BenchTask.number(i)));
                }
                long call = System.nanoTime();
                db.tasks().submitAll(batch);
                Latencies.record(latencies, call);
            }
            nanos = System.nanoTime() - start;
            Checks.equal("tasks stored", count, db.tasks().count(TaskFilters.all()));
        }
        ByteBuffer buffer = ByteBuffer.allocate(latencies.getNeededByteBufferCapacity());
        latencies.encodeIntoCompressedByteBuffer(buffer);
        buffer.flip();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        System.out.println(RESULT + count + " " + nanos + " " + oldGenerationPeak() + " "
                + Base64.getEncoder().encodeToString(bytes));
    }

    /** The high-water mark of the heap pool that holds long-lived objects: what the enqueue kept alive. */
    private static long oldGenerationPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (pool.getType() == MemoryType.HEAP && (name.contains("Old") || name.contains("Tenured"))) {
                peak = Math.max(peak, pool.getPeakUsage().getUsed());
            }
        }
        return peak;
    }
}
