package io.stratum.bench;

import io.stratum.Stratum;
import io.stratum.queue.Claimed;
import io.stratum.queue.Completion;
import io.stratum.task.NewTask;
import java.time.Duration;
import java.util.List;

/**
 * Stratum's waiting claim on an idle queue: one worker thread waits in {@code claim(..., wait)} for up to 16 tasks
 * and completes what it gets, while the round submits one task every 20 ms through a second store on the same database (as another
 * part of the application would); latency is from the start of the submit to the claim's return.
 */
final class WakeUpStratum implements Contender {
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration WAIT = Duration.ofSeconds(1);
    /** Tasks per claim: on a machine too slow to keep up with the pace, one claim takes what queued meanwhile. */
    private static final int BATCH = 16;

    private final Stratum worker;
    private final Stratum submitter;
    private final int tasks;
    private final Duration timeout;

    WakeUpStratum(ScratchDatabase database, int tasks, Duration timeout) {
        this.worker = Stratum.builder().url(database.url()).open();
        this.submitter = Stratum.builder().url(database.url()).open();
        this.tasks = tasks;
        this.timeout = timeout;
    }

    @Override
    public String system() {
        return "stratum";
    }

    @Override
    public RoundResult round(int index) throws Exception {
        PacedSubmits round = new PacedSubmits(tasks);
        Thread waiting = Thread.ofPlatform().name("waiting-worker").start(() -> work(round));
        try {
            return round.run(
                    i -> submitter
                            .tasks()
                            .submit(NewTask.builder(Integer.toString(i), "bench")
                                    .build()),
                    timeout);
        } finally {
            waiting.interrupt();
            waiting.join(timeout);
        }
    }

    private void work(PacedSubmits round) {
        int done = 0;
        while (done < tasks && !Thread.currentThread().isInterrupted()) {
            List<Claimed> claimed = worker.queue().claim("waiting-worker", BATCH, LEASE, WAIT);
            for (Claimed c : claimed) {
                round.picked(Integer.parseInt(c.task().summary()));
            }
            worker.queue()
                    .completeAll(claimed.stream()
                            .map(c -> new Completion(c.lease(), null))
                            .toList());
            done += claimed.size();
        }
    }

    @Override
    public void close() {
        worker.close();
        submitter.close();
    }
}
