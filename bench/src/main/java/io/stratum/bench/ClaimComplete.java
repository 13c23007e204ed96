package io.stratum.bench;

import java.time.Duration;
import java.util.List;

/**
 * Workloads 3 and 4: the queue is filled with {@code tasksPerRound} ready tasks (not timed), then
 * {@code workers} threads claim {@code batchSize} tasks at a time and complete them (one call for one task,
 * one {@code completeAll} for a batch) until the queue is empty. Throughput counts completed tasks; latency
 * is one claim plus its completion.
 */
final class ClaimComplete<L> implements Contender {
    static final Duration LEASE = Duration.ofMinutes(5);

    private final String label;
    private final QueueClient<L> client;
    private final TaskLoader loader;
    private final int workers;
    private final int batchSize;
    private final int tasksPerRound;

    ClaimComplete(
            String label, QueueClient<L> client, TaskLoader loader, int workers, int batchSize, int tasksPerRound) {
        this.label = label;
        this.client = client;
        this.loader = loader;
        this.workers = workers;
        this.batchSize = batchSize;
        this.tasksPerRound = tasksPerRound;
    }

    @Override
    public String system() {
        return label;
    }

    @Override
    public RoundResult round(int index) throws Exception {
        loader.fillReady(tasksPerRound);
        long completedBefore = client.count("completed");
        RoundResult result = Workers.run(workers, (worker, latencies) -> {
            String name = "worker-" + worker;
            long done = 0;
            while (true) {
                long start = System.nanoTime();
                List<L> claimed = client.claim(name, batchSize, LEASE);
                if (claimed.isEmpty()) {
                    return done;
                }
                if (claimed.size() == 1) {
                    client.complete(claimed.getFirst());
                } else {
                    client.completeAll(claimed);
                }
                Latencies.record(latencies, start);
                done += claimed.size();
            }
        });
        Checks.equal("tasks completed in the round", tasksPerRound, result.operations());
        Checks.equal("completed tasks in the table", completedBefore + tasksPerRound, client.count("completed"));
        Checks.equal("ready tasks left", 0, client.count("ready"));
        return result;
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
