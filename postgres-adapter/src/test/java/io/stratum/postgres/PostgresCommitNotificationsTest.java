package io.stratum.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.testkit.tck.ScratchDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The notifications a store sends once writes that made tasks claimable committed, as a listening connection of
 * the test's own receives them, on a database of the test's own (notifications are per database).
 */
class PostgresCommitNotificationsTest {
    private static final int THREADS = 4;
    private static final int SUBMITS_PER_THREAD = 500;
    /** How long a notification that was sent takes at most to arrive, on a loaded machine too. */
    private static final Duration ARRIVAL = Duration.ofSeconds(10);

    private ScratchDatabases databases;
    private String url;

    @BeforeEach
    void database() {
        databases = ScratchDatabases.of("postgresql");
        url = databases.freshUrl();
        try (Stratum store = Stratum.open(url)) {
            store.migrate();
        }
    }

    @AfterEach
    void drop() {
        databases.close();
    }

    @Test
    void aRolledBackSubmitSendsNothingAndACommittedOneANotification() throws Exception {
        try (Connection listening = listening();
                Stratum store = Stratum.open(url)) {
            assertThatThrownBy(() -> store.transaction(tx -> {
                        tx.tasks()
                                .submit(NewTask.builder("rolled back", "coder").build());
                        throw new IllegalStateException("the caller gives up");
                    }))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(received(listening, Duration.ofMillis(500)))
                    .as("notifications after a rollback")
                    .isZero();

            store.tasks().submit(NewTask.builder("committed", "coder").build());

            assertThat(firstArrival(listening))
                    .as("a notification after the commit")
                    .isTrue();
        }
    }

    @Test
    void concurrentSubmitsShareNotificationsAtMostOnePerGapAndClosingSendsTheLastOne() throws Exception {
        try (Connection listening = listening()) {
            Stratum store = Stratum.open(url);
            CyclicBarrier start = new CyclicBarrier(THREADS);
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            long began = System.nanoTime();
            try {
                List<Future<?>> submitters = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    submitters.add(threads.submit(() -> {
                        start.await();
                        for (int i = 0; i < SUBMITS_PER_THREAD; i++) {
                            store.tasks()
                                    .submit(NewTask.builder("t" + thread + "-" + i, "coder")
                                            .build());
                        }
                        return null;
                    }));
                }
                for (Future<?> submitter : submitters) {
                    submitter.get(2, TimeUnit.MINUTES);
                }
            } finally {
                threads.shutdownNow();
                store.close();
            }
            long sentWithinMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

            int received = received(listening, ARRIVAL);
            assertThat(received)
                    .as(
                            "notifications for %d submits sent within %d ms",
                            THREADS * SUBMITS_PER_THREAD, sentWithinMillis)
                    .isBetween(1, (int) (sentWithinMillis / 2 + 1));
        }
    }

    private Connection listening() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + PostgresNotifications.CHANNEL);
        }
        return connection;
    }

    /** Whether a notification arrives within {@link #ARRIVAL}. */
    private static boolean firstArrival(Connection listening) throws SQLException {
        PGNotification[] arrived = listening.unwrap(PGConnection.class).getNotifications((int) ARRIVAL.toMillis());
        return arrived != null && arrived.length > 0;
    }

    /** The notifications that arrive until none has for {@code quiet}. */
    private static int received(Connection listening, Duration quiet) throws SQLException {
        PGConnection pg = listening.unwrap(PGConnection.class);
        int count = 0;
        while (true) {
            PGNotification[] arrived = pg.getNotifications((int) quiet.toMillis());
            if (arrived == null || arrived.length == 0) {
                return count;
            }
            count += arrived.length;
        }
    }
}
