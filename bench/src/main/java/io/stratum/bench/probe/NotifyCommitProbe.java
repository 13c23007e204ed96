package io.stratum.bench.probe;

import io.stratum.Stratum;
import io.stratum.queue.QueueSettings;
import io.stratum.queue.WakeUpMode;
import io.stratum.spi.TestDatabaseService;
import io.stratum.spi.TestDatabaseService.TestDatabase;
import io.stratum.task.NewTask;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures what waking waiting claims costs submits on PostgreSQL: {@code threads} threads submit one task per
 * call, {@code tasks} in all, with {@link WakeUpMode#NOTIFY} (one auto-committed {@code INSERT} per submit, after
 * which the store's notifying thread sends {@code NOTIFY}, at most one per 2 ms) and with {@link WakeUpMode#POLL}
 * (the {@code INSERT} alone). Audit rows off; each variant and round on a fresh database cloned from the
 * migrated template. The variants alternate within each round, in alternating order; a warm-up of both runs first
 * and is not reported.
 *
 * <p>Usage: {@code NotifyCommitProbe [serverUrl] [rounds] [tasks] [threads...]}, default {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}, 3, 4000, 1 and 4. Prints one JSON object per measured
 * variant, thread count and round.
 */
public final class NotifyCommitProbe {
    private NotifyCommitProbe() {}

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int tasks = args.length > 2 ? Integer.parseInt(args[2]) : 4_000;
        int[] threadCounts = args.length > 3
                ? Arrays.stream(args, 3, args.length)
                        .mapToInt(Integer::parseInt)
                        .toArray()
                : new int[] {1, 4};
        for (WakeUpMode mode : WakeUpMode.values()) {
            run(server, mode, -1, 1_000, threadCounts[threadCounts.length - 1]);
        }
        for (int threads : threadCounts) {
            for (int round = 0; round < rounds; round++) {
                WakeUpMode first = WakeUpMode.values()[round % 2];
                for (WakeUpMode mode :
                        new WakeUpMode[] {first, first == WakeUpMode.NOTIFY ? WakeUpMode.POLL : WakeUpMode.NOTIFY}) {
                    System.out.println(ProbeJson.object(run(server, mode, round, tasks, threads)));
                }
            }
        }
    }

    static Map<String, Object> run(String server, WakeUpMode mode, int round, int tasks, int threads) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", mode.name());
        out.put("round", round);
        out.put("tasks", tasks);
        out.put("threads", threads);
        try (TestDatabase database = TestDatabaseService.named("postgresql").fromTemplate(server);
                Stratum db = Stratum.builder()
                        .url(database.url())
                        .audit(false)
                        .queue(QueueSettings.defaults().withWakeUps(mode, Duration.ofMillis(250)))
                        .open()) {
            int perThread = tasks / threads;
            ServerPrepStmtProbe.Phase submit = ServerPrepStmtProbe.Phase.run(threads, worker -> {
                long[] nanos = new long[perThread];
                for (int i = 0; i < perThread; i++) {
                    long start = System.nanoTime();
                    db.tasks()
                            .submit(NewTask.builder("task " + worker + "-" + i, "bench")
                                    .build());
                    nanos[i] = System.nanoTime() - start;
                }
                return nanos;
            });
            submit.into(out, "submit");
        }
        return out;
    }
}
