package io.stratum.reliability;

import static io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES;
import static io.stratum.codegen.jooq.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.PoolSettings;
import io.stratum.Stratum;
import io.stratum.postgres.PostgresBackend;
import io.stratum.queue.QueueSettings;
import io.stratum.queue.WakeUpMode;
import io.stratum.spi.NotificationChannel;
import io.stratum.spi.NotificationsNotDelivered;
import io.stratum.task.NewTask;
import io.stratum.task.TaskStatus;
import io.stratum.testkit.tck.QueueContract;
import io.stratum.testkit.tck.ScratchDatabases;
import io.stratum.testkit.tck.TransactionContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Stratum through PgBouncer in transaction pooling mode in front of the local PostgreSQL ({@link PgBouncer}): the
 * conformance suite's queue and transaction contracts, worker JVMs killed mid-batch with every task completed
 * exactly once, and a drain measured through PgBouncer and directly. Stores behind PgBouncer use
 * {@link WakeUpMode#POLL} and are migrated over a direct connection, as the deployment notes say.
 */
class PostgresThroughPgBouncerTest {
    private static final int DRAIN_TASKS = 1_000;
    private static final int DRAIN_ROUNDS = 3;
    private static final int DRAIN_WORKERS = 4;

    /** A store builder for a URL through PgBouncer: polling wake-ups, since LISTEN cannot work there. */
    static Stratum.Builder behindBouncer(String bouncerUrl) {
        return Stratum.builder()
                .url(bouncerUrl)
                .queue(QueueSettings.defaults().withWakeUps(WakeUpMode.POLL, Duration.ofMillis(250)));
    }

    /** Migrates the database behind {@code bouncerUrl} over a direct connection: Liquibase needs a session. */
    static void migrateDirectly(String bouncerUrl) {
        try (Stratum direct = Stratum.builder()
                .url(PgBouncer.running().directUrl(bouncerUrl))
                .pool(PoolSettings.defaults().withMaxSize(1).withMinIdle(0))
                .open()) {
            direct.migrate();
        }
    }

    @Nested
    class Queue extends QueueContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return ScratchDatabases.of(PgBouncerTestDatabases.NAME);
        }

        @Override
        protected Stratum.Builder storeBuilder(String url) {
            return behindBouncer(url);
        }

        @Override
        protected void migrate(Stratum store, String url) {
            migrateDirectly(url);
        }
    }

    @Nested
    class Transactions extends TransactionContract {
        @Override
        protected ScratchDatabases testDatabase() {
            return ScratchDatabases.of(PgBouncerTestDatabases.NAME);
        }

        @Override
        protected Stratum.Builder storeBuilder(String url) {
            return behindBouncer(url);
        }

        @Override
        protected void migrate(Stratum store, String url) {
            migrateDirectly(url);
        }
    }

    @Nested
    class WorkerCrashes extends WorkerCrashSuite {
        @Override
        protected String testDatabaseService() {
            return PgBouncerTestDatabases.NAME;
        }

        @Override
        protected void migrate() {
            migrateDirectly(url);
        }
    }

    @Nested
    class Deployment {
        @Test
        void migratedDirectlyThenDrainedThroughPgBouncerExactlyOnce() throws Exception {
            try (ScratchDatabases bouncer = ScratchDatabases.of(PgBouncerTestDatabases.NAME);
                    ScratchDatabases direct = ScratchDatabases.of("postgresql")) {
                String bouncerUrl = bouncer.freshUrl();
                migrateDirectly(bouncerUrl);
                String directUrl = direct.freshUrl();
                List<Long> directRates = new ArrayList<>();
                List<Long> bouncerRates = new ArrayList<>();
                try (Stratum directStore = Stratum.open(directUrl);
                        Stratum bouncerStore = behindBouncer(bouncerUrl).open()) {
                    directStore.migrate();
                    drain(directStore, 200);
                    drain(bouncerStore, 200);
                    // Alternating rounds, so that a change of load on the machine falls on both alike.
                    for (int round = 0; round < DRAIN_ROUNDS; round++) {
                        directRates.add(Math.round(drain(directStore, DRAIN_TASKS)));
                        bouncerRates.add(Math.round(drain(bouncerStore, DRAIN_TASKS)));
                    }
                }
                Figures.record(
                        "pgbouncer-drain",
                        DRAIN_ROUNDS + " alternating rounds of " + DRAIN_TASKS + " tasks, " + DRAIN_WORKERS
                                + " worker threads claiming 8 and completing each with its effect in one"
                                + " transaction: direct " + directRates + " tasks/s, through "
                                + PgBouncer.running().describe() + " in transaction mode " + bouncerRates
                                + " tasks/s");
            }
        }

        @Test
        void listeningThroughPgBouncerFailsWithATypedErrorAndDirectlyWorks() throws Exception {
            NotificationChannel channel = new PostgresBackend().notifications().orElseThrow();
            try (ScratchDatabases bouncer = ScratchDatabases.of(PgBouncerTestDatabases.NAME)) {
                String bouncerUrl = bouncer.freshUrl();
                try (NotificationChannel.Listener direct =
                        channel.listen(PgBouncer.running().directUrl(bouncerUrl), Map.of())) {
                    assertThat(direct).isNotNull();
                }
                assertThatThrownBy(() -> channel.listen(bouncerUrl, Map.of()))
                        .isInstanceOf(NotificationsNotDelivered.class)
                        .hasMessageContaining("pooler in transaction mode");
            }
        }

        @Test
        void aStoreLeftAtNotifyBehindPgBouncerStopsListeningAndItsWaitingClaimsPoll() throws Exception {
            try (ScratchDatabases bouncer = ScratchDatabases.of(PgBouncerTestDatabases.NAME)) {
                String bouncerUrl = bouncer.freshUrl();
                migrateDirectly(bouncerUrl);
                try (Stratum notifying = Stratum.open(bouncerUrl);
                        Stratum submitter = Stratum.open(PgBouncer.running().directUrl(bouncerUrl))) {
                    // The first waiting claim starts the listener, whose probe cannot arrive through PgBouncer.
                    assertThat(notifying.queue().claim("w", 1, Duration.ofMinutes(1), Duration.ofMillis(100)))
                            .isEmpty();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (listenerAlive()) {
                        assertThat(System.nanoTime())
                                .as("the listener gave up within a minute")
                                .isLessThan(deadline);
                        Thread.sleep(100);
                    }
                    submitter
                            .tasks()
                            .submit(NewTask.builder("after the listener stopped", "worker")
                                    .build());
                    assertThat(notifying.queue().claim("w", 1, Duration.ofMinutes(1), Duration.ofSeconds(30)))
                            .as("a task submitted by another store, found by polling")
                            .hasSize(1);
                }
            }
        }

        private static boolean listenerAlive() {
            return Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.isAlive() && t.getName().equals("stratum-listener"));
        }

        /** Submits {@code count} tasks, drains them with worker threads; every one completed once; tasks/s. */
        private static double drain(Stratum store, int count) throws InterruptedException {
            store.dsl().deleteFrom(MEMORY_ENTRIES).execute();
            store.dsl().deleteFrom(TASKS).execute();
            List<NewTask> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(NewTask.builder("task " + i, "worker").build());
            }
            store.tasks().submitAll(batch);
            AtomicInteger unavailable = new AtomicInteger();
            AtomicInteger leasesLost = new AtomicInteger();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            long started = System.nanoTime();
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < DRAIN_WORKERS; w++) {
                String name = "drain-" + w;
                workers.add(Thread.ofPlatform().start(() -> {
                    try {
                        QueueDrain.drain(store, name, () -> false, unavailable, leasesLost);
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join(TimeUnit.MINUTES.toMillis(2));
            }
            long nanos = System.nanoTime() - started;
            assertThat(failures).isEmpty();
            assertThat(store.dsl().fetchCount(TASKS, TASKS.STATUS.eq(TaskStatus.COMPLETED.dbValue())))
                    .isEqualTo(count);
            assertThat(store.dsl().fetchCount(MEMORY_ENTRIES, MEMORY_ENTRIES.NAMESPACE.eq(CrashWorkerMain.EFFECTS)))
                    .as("effects, one per task")
                    .isEqualTo(count);
            return count * 1e9 / nanos;
        }
    }
}
