package io.stratum.reliability;

import static io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES;
import static io.stratum.codegen.jooq.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.stratum.Json;
import io.stratum.Stratum;
import io.stratum.memory.MemoryEntry;
import io.stratum.task.NewTask;
import io.stratum.task.TaskStatus;
import io.stratum.testkit.tck.ScratchDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker JVMs on separate hosts: each runs in a network namespace of its own and reaches PostgreSQL over a veth
 * link through a {@link LatencyProxy} on the root side of its link. The workers drain a batch with no added
 * latency, then one with 5-20 ms each way; then, with a connection cut every 2 s per worker as well, a batch during
 * which one worker's link goes down while it holds leases and comes back {@link #PARTITION} later. Every task is completed
 * exactly once, the partitioned worker's leases are reclaimed by the others, its late completes get
 * {@link io.stratum.LeaseLost}, and it completes tasks again once its link is back. Throughput and claim latency
 * of each phase go to the log and target/reliability-figures.txt. Needs root and {@code ip netns}; skipped
 * otherwise.
 */
class WorkersAcrossHostsTest {
    private static final Logger LOG = LoggerFactory.getLogger(WorkersAcrossHostsTest.class);
    private static final Pattern SERVER = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]*).*");
    private static final int WORKERS = 3;
    private static final int WARM_UP = 120;
    private static final int CLEAR_TASKS = 600;
    private static final int DELAYED_TASKS = 200;
    private static final int PARTITION_TASKS = 200;
    private static final int AFTER_HEAL_TASKS = 100;
    private static final Duration PARTITION = Duration.ofSeconds(5);
    private static final Duration PHASE_LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path logs;

    private volatile String phase = "warm-up";

    @Test
    void workersOnSeparateHostsCompleteEveryTaskOnceThroughLatencyCutsAndAPartition() throws Exception {
        String unavailable = NetworkNamespace.unavailableReason();
        if (unavailable != null) {
            LOG.warn("WorkersAcrossHostsTest skipped: network namespaces need root and 'ip netns' ({})", unavailable);
        }
        Assumptions.assumeTrue(unavailable == null, "network namespaces need root and 'ip netns': " + unavailable);
        NetworkNamespace.removeStale();
        try (ScratchDatabases server = ScratchDatabases.of("postgresql")) {
            String url = server.freshUrl();
            Matcher direct = SERVER.matcher(url);
            assertThat(direct.matches()).as(url).isTrue();
            int serverPort = direct.group(2) == null ? 5432 : Integer.parseInt(direct.group(2));
            List<NetworkNamespace> hosts = new ArrayList<>();
            List<LatencyProxy> proxies = new ArrayList<>();
            List<RemoteWorker> workers = new ArrayList<>();
            try (Stratum db = Stratum.open(url)) {
                db.migrate();
                for (int w = 0; w < WORKERS; w++) {
                    NetworkNamespace host = NetworkNamespace.create(w);
                    hosts.add(host);
                    LatencyProxy proxy = LatencyProxy.start(host.hostAddress(), direct.group(1), serverPort);
                    proxies.add(proxy);
                    String workerUrl = "jdbc:postgresql://" + host.hostAddress() + ":" + proxy.port() + "/"
                            + direct.group(3) + "?user=postgres&connectTimeout=10";
                    workers.add(RemoteWorker.start(host, workerUrl, "worker-" + w, logs, () -> phase));
                }
                run(db, "warm-up", WARM_UP, workers);
                for (RemoteWorker worker : workers) {
                    awaitUntil(() -> worker.completed() > 0, worker.name + " completed a task", worker);
                }

                String clear = run(db, "clear", CLEAR_TASKS, workers);
                proxies.forEach(p -> p.delay(5, 20));
                String delayed = run(db, "delayed", DELAYED_TASKS, workers);
                proxies.forEach(p -> p.dropEvery(2_000));

                RemoteWorker cutOff = workers.getFirst();
                phase = "partition";
                int claimsBefore = cutOff.claims();
                submit(db, "partition", PARTITION_TASKS);
                awaitUntil(() -> cutOff.claims() > claimsBefore, "worker-0 claimed partition tasks", cutOff);
                hosts.getFirst().linkDown();
                int completedAtCut = cutOff.completed();
                Thread.sleep(PARTITION.toMillis());
                hosts.getFirst().linkUp();
                int completedAtHeal = cutOff.completed();
                awaitCompleted(db, "partition", workers);
                phase = "after-heal";
                submit(db, "after-heal", AFTER_HEAL_TASKS);
                awaitCompleted(db, "after-heal", workers);
                // More than the batch it held when cut off, whose completes may have reached the server before.
                awaitUntil(
                        () -> cutOff.completed() > completedAtHeal + NamespaceWorkerMain.BATCH,
                        "worker-0 completed new tasks after its link came back",
                        cutOff);
                proxies.forEach(p -> p.dropEvery(0));
                for (RemoteWorker worker : workers) {
                    assertThat(worker.stop())
                            .as(worker.name + ": " + worker.log())
                            .isZero();
                }

                int total = WARM_UP + CLEAR_TASKS + DELAYED_TASKS + PARTITION_TASKS + AFTER_HEAL_TASKS;
                assertExactlyOnce(db, total);
                List<String> lost = cutOff.leasesLost("partition");
                assertThat(lost)
                        .as("worker-0's completes after the partition that got LeaseLost")
                        .isNotEmpty();
                for (String task : lost) {
                    MemoryEntry effect = db.memory()
                            .get(CrashWorkerMain.EFFECTS, task)
                            .orElseThrow(() -> new AssertionError("no effect for task " + task));
                    assertThat(effect.value())
                            .as("task %s, whose lease worker-0 lost, was completed by another worker", task)
                            .isNotEqualTo(Json.of(Json.quote(cutOff.name)));
                }
                int reclaimed = db.dsl()
                        .select(DSL.sum(TASKS.RETRY_COUNT))
                        .from(TASKS)
                        .where(TASKS.AGENT_TYPE.eq("partition"))
                        .fetchSingle()
                        .value1()
                        .intValue();
                assertThat(reclaimed)
                        .as("expired leases reclaimed in the partition phase")
                        .isPositive();
                int drops = proxies.stream().mapToInt(LatencyProxy::dropped).sum();
                Figures.record(
                        "across-hosts",
                        WORKERS + " worker JVMs in network namespaces over veth links and a TCP proxy to PostgreSQL;"
                                + " no added latency: " + clear + "; 5-20 ms each way: " + delayed
                                + "; then with a connection cut every 2 s per worker (" + drops + " cut),"
                                + " worker-0's link down for " + PARTITION.toSeconds() + " s while it held leases: "
                                + lost.size()
                                + " of its completes got LeaseLost, " + reclaimed + " leases reclaimed by the others,"
                                + " it completed " + (completedAtHeal - completedAtCut) + " tasks while cut off and "
                                + (cutOff.completed() - completedAtHeal) + " after; every one of " + total
                                + " tasks completed exactly once");
            } finally {
                workers.forEach(RemoteWorker::close);
                proxies.forEach(LatencyProxy::close);
                hosts.forEach(NetworkNamespace::close);
            }
        }
    }

    /** Submits {@code count} tasks of the phase {@code name}, waits until all are completed; throughput and claims. */
    private String run(Stratum db, String name, int count, List<RemoteWorker> workers) throws InterruptedException {
        phase = name;
        submit(db, name, count);
        awaitCompleted(db, name, workers);
        Record2<OffsetDateTime, OffsetDateTime> span = db.dsl()
                .select(DSL.min(TASKS.STARTED_AT), DSL.max(TASKS.COMPLETED_AT))
                .from(TASKS)
                .where(TASKS.AGENT_TYPE.eq(name))
                .fetchSingle();
        double seconds = Duration.between(span.value1(), span.value2()).toNanos() / 1e9;
        return Math.round(count / seconds) + " tasks/s, claim latency " + latency(name, workers);
    }

    private static String latency(String name, List<RemoteWorker> workers) {
        List<Long> micros = new ArrayList<>();
        for (RemoteWorker worker : workers) {
            micros.addAll(worker.claimMicros(name));
        }
        if (micros.isEmpty()) {
            return "not measured";
        }
        Collections.sort(micros);
        return "p50 " + millis(micros.get(micros.size() / 2)) + " ms, p95 "
                + millis(micros.get((int) (micros.size() * 0.95))) + " ms (" + micros.size() + " claims)";
    }

    private static String millis(long micros) {
        return String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0);
    }

    private static void submit(Stratum db, String phase, int count) {
        List<NewTask> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(NewTask.builder(phase + " " + i, phase).maxRetries(1_000).build());
        }
        db.tasks().submitAll(batch);
    }

    private static void awaitCompleted(Stratum db, String phase, List<RemoteWorker> workers)
            throws InterruptedException {
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        while (db.dsl()
                .fetchExists(TASKS, TASKS.AGENT_TYPE.eq(phase).and(TASKS.STATUS.ne(TaskStatus.COMPLETED.dbValue())))) {
            if (System.nanoTime() > deadline) {
                fail(phase + " tasks not all completed within " + PHASE_LIMIT + logsOf(workers));
            }
            Thread.sleep(50);
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier done, String what, RemoteWorker worker)
            throws InterruptedException {
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + PHASE_LIMIT + ": " + what + logsOf(List.of(worker)));
            }
            Thread.sleep(20);
        }
    }

    private static String logsOf(List<RemoteWorker> workers) {
        StringBuilder out = new StringBuilder();
        for (RemoteWorker worker : workers) {
            out.append("\n--- ").append(worker.name).append(":\n").append(worker.log());
        }
        return out.toString();
    }

    private static void assertExactlyOnce(Stratum db, int total) {
        var dsl = db.dsl();
        assertThat(dsl.fetchCount(TASKS)).isEqualTo(total);
        assertThat(dsl.fetchCount(TASKS, TASKS.STATUS.eq(TaskStatus.COMPLETED.dbValue())))
                .isEqualTo(total);
        assertThat(dsl.fetchCount(MEMORY_ENTRIES, MEMORY_ENTRIES.NAMESPACE.eq(CrashWorkerMain.EFFECTS)))
                .as("effects, one per task")
                .isEqualTo(total);
    }
}
