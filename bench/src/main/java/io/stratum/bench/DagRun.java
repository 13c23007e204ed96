package io.stratum.bench;

import io.stratum.queue.Claimed;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Workload 5, end to end: one {@code submitAll} of a DAG {@code depth} layers deep and {@code width} tasks
 * wide (every task below the first layer waits on two tasks of the layer above), then {@code workers}
 * threads claim and complete in batches until every task is completed. A task becomes claimable only when
 * its dependencies completed, so the layers run in order. Throughput counts tasks from the submit to the last
 * completion; latency is one claim plus its completeAll.
 */
final class DagRun implements Contender {
    private static final long IDLE_MILLIS = 1;

    private final StratumQueue queue;
    private final int width;
    private final int depth;
    private final int workers;
    private final int batch;

    DagRun(StratumQueue queue, int width, int depth, int workers, int batch) {
        this.queue = queue;
        this.width = width;
        this.depth = depth;
        this.workers = workers;
        this.batch = batch;
    }

    @Override
    public String system() {
        return "stratum";
    }

    @Override
    public RoundResult round(int index) throws Exception {
        List<NewTask> dag = dag();
        long completedBefore = queue.count("completed");
        AtomicLong remaining = new AtomicLong(dag.size());
        long start = System.nanoTime();
        queue.stratum().tasks().submitAll(dag);
        RoundResult drain = Workers.run(workers, (worker, latencies) -> {
            String name = "dag-" + worker;
            long done = 0;
            while (remaining.get() > 0) {
                long call = System.nanoTime();
                List<Claimed> claimed = queue.claim(name, batch, ClaimComplete.LEASE);
                if (claimed.isEmpty()) {
                    Thread.sleep(IDLE_MILLIS); // the next layer is promoted when another worker completes
                    continue;
                }
                queue.completeAll(claimed);
                Latencies.record(latencies, call);
                remaining.addAndGet(-claimed.size());
                done += claimed.size();
            }
            return done;
        });
        long nanos = System.nanoTime() - start;
        Checks.equal("DAG tasks completed", completedBefore + dag.size(), queue.count("completed"));
        return new RoundResult(drain.operations(), nanos, drain.latencies());
    }

    private List<NewTask> dag() {
        List<NewTask> tasks = new ArrayList<>(width * depth);
        List<TaskId> above = List.of();
        for (int layer = 0; layer < depth; layer++) {
            List<TaskId> ids = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                TaskId id = TaskId.generate();
                NewTask.Builder task = NewTask.builder("dag layer " + layer + " task " + i, "bench")
                        .id(id);
                if (!above.isEmpty()) {
                    task.dependsOn(above.get(i), above.get((i + 1) % width));
                }
                tasks.add(task.build());
                ids.add(id);
            }
            above = ids;
        }
        return tasks;
    }

    @Override
    public void close() {
        queue.close();
    }
}
