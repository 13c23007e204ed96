package io.stratum.bench;

import io.stratum.Json;
import io.stratum.Stratum;
import io.stratum.queue.Claimed;
import io.stratum.queue.Completion;
import io.stratum.queue.QueueSettings;
import io.stratum.queue.WakeUpMode;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stratum as a {@link QueueClient}: its public API with default settings, opened on the contender's database;
 * optionally without the audit rows Stratum writes for every status change, to do the same work as the
 * hand-written baseline.
 */
final class StratumQueue implements QueueClient<Claimed> {
    private static final Json RESULT = Json.of("{\"ok\":true}");

    /** The system's name when waiting claims are woken by polling instead of the database's notifications. */
    static final String POLLING = "stratum, poll wake-ups";

    private final Stratum db;
    private final String system;

    StratumQueue(String url) {
        this(url, true);
    }

    StratumQueue(String url, boolean audit) {
        this(Stratum.builder().url(url).audit(audit), "stratum");
    }

    /** Stratum with its default settings but waiting claims woken by polling, as {@link #POLLING}. */
    static StratumQueue polling(String url) {
        return new StratumQueue(
                Stratum.builder()
                        .url(url)
                        .queue(QueueSettings.defaults()
                                .withWakeUps(
                                        WakeUpMode.POLL,
                                        QueueSettings.defaults().pollInterval())),
                POLLING);
    }

    private StratumQueue(Stratum.Builder builder, String system) {
        this.db = builder.open();
        this.system = system;
        db.migrate();
    }

    Stratum stratum() {
        return db;
    }

    static NewTask toNewTask(BenchTask task) {
        return NewTask.builder(task.summary(), task.agentType())
                .priority(task.priority())
                .inputData(Json.of(task.inputJson()))
                .build();
    }

    @Override
    public String system() {
        return system;
    }

    @Override
    public void submit(BenchTask task) {
        db.tasks().submit(toNewTask(task));
    }

    @Override
    public void submitAll(List<BenchTask> tasks) {
        List<NewTask> batch = new ArrayList<>(tasks.size());
        for (BenchTask task : tasks) {
            batch.add(toNewTask(task));
        }
        db.tasks().submitAll(batch);
    }

    @Override
    public List<Claimed> claim(String worker, int max, Duration lease) {
        return db.queue().claim(worker, max, lease);
    }

    @Override
    public void complete(Claimed claimed) {
        db.queue().complete(claimed.lease(), RESULT);
    }

    @Override
    public void completeAll(List<Claimed> claimed) {
        List<Completion> completions = new ArrayList<>(claimed.size());
        for (Claimed c : claimed) {
            completions.add(new Completion(c.lease(), RESULT));
        }
        db.queue().completeAll(completions);
    }

    @Override
    public long count(String status) {
        return db.tasks()
                .count(TaskFilters.builder().status(TaskStatus.parse(status)).build());
    }

    @Override
    public void close() {
        db.close();
    }
}
