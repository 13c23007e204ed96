package io.stratum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Workloads 1 and 2: {@code threads} threads enqueue {@code tasksPerRound} tasks, one per transaction
 * ({@code batchSize} 1) or {@code batchSize} per transaction. Latency is per call.
 */
final class Enqueue<L> implements Contender {
    private final QueueClient<L> client;
    private final int threads;
    private final int tasksPerRound;
    private final int batchSize;
    private final AtomicLong numbers = new AtomicLong();

    Enqueue(QueueClient<L> client, int threads, int tasksPerRound, int batchSize) {
        if (tasksPerRound % (threads * batchSize) != 0) {
            throw new IllegalArgumentException(
                    tasksPerRound + " tasks do not split into " + threads + " threads of batches of " + batchSize);
        }
        this.client = client;
        this.threads = threads;
        this.tasksPerRound = tasksPerRound;
        this.batchSize = batchSize;
    }

    @Override
    public String system() {
        return client.system();
    }

    @Override
    public RoundResult round(int index) throws Exception {
        long before = client.count("ready");
        int callsPerThread = tasksPerRound / threads / batchSize;
        RoundResult result = Workers.run(threads, (worker, latencies) -> {
            for (int call = 0; call < callsPerThread; call++) {
                long start = System.nanoTime();
                if (batchSize == 1) {
                    client.submit(BenchTask.number(numbers.incrementAndGet()));
                } else {
                    List<BenchTask> batch = new ArrayList<>(batchSize);
                    for (int i = 0; i < batchSize; i++) {
                        batch.add(BenchTask.number(numbers.incrementAndGet()));
                    }
                    client.submitAll(batch);
                }
                Latencies.record(latencies, start);
            }
            return (long) callsPerThread * batchSize;
        });
        Checks.equal("ready tasks after enqueueing", before + tasksPerRound, client.count("ready"));
        return result;
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
