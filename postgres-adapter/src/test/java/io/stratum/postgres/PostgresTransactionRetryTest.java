package io.stratum.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.Busy;
import io.stratum.Json;
import io.stratum.PageRequest;
import io.stratum.RetryPolicy;
import io.stratum.Stratum;
import io.stratum.StratumException;
import io.stratum.TransactionOptions;
import io.stratum.Unavailable;
import io.stratum.audit.AuditActions;
import io.stratum.audit.AuditQuery;
import io.stratum.memory.MemoryEntry;
import io.stratum.memory.MemoryWrite;
import io.stratum.testkit.tck.ScratchDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Transient PostgreSQL failures, provoked for real, are retried; a failure on every attempt ends typed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresTransactionRetryTest {
    private ScratchDatabases databases;
    private String url;

    @BeforeAll
    void createDatabase() {
        databases = ScratchDatabases.of("postgresql");
        url = databases.freshUrl();
        try (Stratum db = Stratum.open(url)) {
            db.migrate();
        }
    }

    @AfterAll
    void dropDatabase() {
        if (databases != null) {
            databases.close();
        }
    }

    @Test
    void twoConcurrentSerializableTransactionsConflictAndTheLoserRunsAgain() throws Exception {
        List<StratumException> retriedOn = Collections.synchronizedList(new ArrayList<>());
        try (Stratum db = Stratum.builder()
                .url(url)
                .onRetry((attempt, failure, delay) -> retriedOn.add(failure))
                .open()) {
            db.memory().put("race", "counter", Json.of("0"));
            CyclicBarrier bothHaveRead = new CyclicBarrier(2);
            AtomicInteger runs = new AtomicInteger();

            List<MemoryEntry> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                List<Future<MemoryEntry>> increments = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    increments.add(pool.submit(() -> db.transactionResult(TransactionOptions.SERIALIZABLE, tx -> {
                        runs.incrementAndGet();
                        MemoryEntry current = tx.memory().get("race", "counter").orElseThrow();
                        if (tx.attempt() == 1) {
                            await(bothHaveRead); // both snapshots are taken before either writes
                        }
                        int next = Integer.parseInt(current.value().text()) + 1;
                        return tx.memory()
                                .put(MemoryWrite.of("race", "counter", Json.of(Integer.toString(next)))
                                        .expectingVersion(current.version()));
                    })));
                }
                for (Future<MemoryEntry> f : increments) {
                    results.add(f.get(60, TimeUnit.SECONDS));
                }
            }

            assertThat(retriedOn).isNotEmpty().allSatisfy(e -> assertThat(e).isInstanceOf(Busy.class));
            assertThat(runs).hasValue(2 + retriedOn.size());
            assertThat(results).extracting(MemoryEntry::version).containsExactlyInAnyOrder(2L, 3L);
            MemoryEntry last = db.memory().get("race", "counter").orElseThrow();
            assertThat(last.value()).isEqualTo(Json.of("2"));
            assertThat(db.audit()
                            .query(
                                    AuditQuery.builder()
                                            .entity(AuditActions.MEMORY, "race#counter")
                                            .build(),
                                    PageRequest.first())
                            .items())
                    .hasSize(3);
        }
    }

    @Test
    void aConflictOnEveryAttemptEndsWithBusyAfterTheBoundAndLeavesNothing() {
        try (Stratum db = Stratum.builder()
                .url(url)
                .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)))
                .open()) {
            db.memory().put("race", "hot", Json.of("0"));
            AtomicInteger runs = new AtomicInteger();

            assertThatThrownBy(() -> db.transaction(TransactionOptions.SERIALIZABLE, tx -> {
                        runs.incrementAndGet();
                        tx.memory().get("race", "hot");
                        // Another transaction (another thread: it does not join this one) commits a newer version.
                        CompletableFuture.runAsync(() -> db.memory().put("race", "hot", Json.of("\"other\"")))
                                .join();
                        tx.memory().put("race", "hot", Json.of("\"mine\""));
                    }))
                    .isInstanceOf(Busy.class);

            assertThat(runs).hasValue(3);
            assertThat(db.memory().history("race", "hot", PageRequest.first(10)).items())
                    .extracting(MemoryEntry::value)
                    .containsExactly(Json.of("0"), Json.of("\"other\""), Json.of("\"other\""), Json.of("\"other\""));
            assertThat(db.audit()
                            .query(
                                    AuditQuery.builder()
                                            .entity(AuditActions.MEMORY, "race#hot")
                                            .build(),
                                    PageRequest.first())
                            .items())
                    .hasSize(4);
        }
    }

    @Test
    void aConnectionLostBeforeCommitIsSafeToRetry() throws Exception {
        try (Stratum db = Stratum.open(url);
                Connection admin = DriverManager.getConnection(url)) {
            AtomicInteger runs = new AtomicInteger();
            List<Class<?>> failures = Collections.synchronizedList(new ArrayList<>());

            MemoryEntry written = db.transactionResult(tx -> {
                runs.incrementAndGet();
                tx.memory().put("lost", "k", Json.of(Integer.toString(tx.attempt())));
                if (tx.attempt() == 1) {
                    int pid = tx.dsl().fetchValue(DSL.field("pg_backend_pid()", Integer.class));
                    terminate(admin, pid);
                    try {
                        tx.dsl().fetchValue("select 1");
                    } catch (Unavailable e) {
                        failures.add(e.getClass());
                        throw e;
                    }
                }
                return tx.memory().get("lost", "k").orElseThrow();
            });

            assertThat(failures).containsExactly(Unavailable.class);
            assertThat(runs).hasValue(2);
            assertThat(written.version()).isEqualTo(1);
            assertThat(db.memory().history("lost", "k", PageRequest.first(10)).items())
                    .singleElement()
                    .satisfies(e -> assertThat(e.value()).isEqualTo(Json.of("2")));
        }
    }

    private static void terminate(Connection admin, int pid) {
        try (PreparedStatement s = admin.prepareStatement("select pg_terminate_backend(?)")) {
            s.setInt(1, pid);
            s.execute();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other transaction did not arrive", e);
        }
    }
}
