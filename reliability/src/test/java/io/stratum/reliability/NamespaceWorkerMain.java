package io.stratum.reliability;

import io.stratum.LeaseLost;
import io.stratum.PoolSettings;
import io.stratum.StaleVersion;
import io.stratum.Stratum;
import io.stratum.Unavailable;
import io.stratum.queue.Claimed;
import io.stratum.queue.QueueSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The worker JVM of {@link WorkersAcrossHostsTest}, run in a network namespace of its own: {@code <url> <name>}.
 * Claims up to {@value #BATCH} tasks under {@link #LEASE} leases and completes each with its effect (see
 * {@link CrashWorkerMain#completeWithEffect}) until a line {@code stop} arrives on its standard input. Reports on
 * standard output, one line each: {@code claim <micros> <count>} for a claim that got tasks, {@code completed <total>},
 * {@code lease-lost <task>}, {@code unavailable}. A task completed twice makes it exit 3.
 */
public final class NamespaceWorkerMain {
    static final Duration LEASE = Duration.ofSeconds(2);
    static final int BATCH = 4;

    private static volatile boolean stopping;

    private NamespaceWorkerMain() {}

    public static void main(String[] args) throws InterruptedException {
        String name = args[1];
        Thread.ofPlatform().daemon().start(NamespaceWorkerMain::awaitStop);
        int completed = 0;
        try (Stratum db = Stratum.builder()
                .url(args[0])
                .pool(PoolSettings.defaults().withMaxSize(2).withMinIdle(1))
                .queue(QueueSettings.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)))
                .open()) {
            while (!stopping) {
                List<Claimed> batch;
                long started = System.nanoTime();
                try {
                    batch = db.queue().claim(name, BATCH, LEASE);
                } catch (Unavailable e) {
                    report("unavailable");
                    Thread.sleep(20);
                    continue;
                }
                if (batch.isEmpty()) {
                    Thread.sleep(20);
                    continue;
                }
                report("claim " + (System.nanoTime() - started) / 1_000 + " " + batch.size());
                for (Claimed claimed : batch) {
                    try {
                        CrashWorkerMain.completeWithEffect(db, name, claimed);
                        report("completed " + ++completed);
                    } catch (LeaseLost e) {
                        report("lease-lost " + claimed.task().id());
                    } catch (Unavailable e) {
                        // Applied or not: if not, the lease runs out and another worker claims the task again.
                        report("unavailable");
                    } catch (StaleVersion twice) {
                        report("twice " + claimed.task().id() + " " + twice.getMessage());
                        System.exit(3);
                    }
                }
            }
        }
        System.exit(0);
    }

    private static void awaitStop() {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !"stop".equals(line.strip())) {
                // Only "stop" means anything.
            }
        } catch (java.io.IOException e) {
            // The test is gone: stop as well.
        }
        stopping = true;
    }

    private static synchronized void report(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
