package io.stratum.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.Busy;
import io.stratum.Json;
import io.stratum.PageRequest;
import io.stratum.RetryPolicy;
import io.stratum.Stratum;
import io.stratum.StratumException;
import io.stratum.TransactionOptions;
import io.stratum.audit.AuditQuery;
import io.stratum.memory.MemoryEntry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLITE_BUSY for real: a second connection, outside Stratum's in-process write gate (as another process would be),
 * holds the file's write lock with BEGIN IMMEDIATE. The store's busy timeout is cut to 50 ms so attempts fail fast.
 */
class SqliteBusyRetryTest {
    @TempDir
    Path dir;

    private Stratum open(String url, RetryPolicy retry, List<StratumException> retriedOn, CountDownLatch firstRetry) {
        Stratum db = Stratum.builder()
                .url(url)
                .driverProperty("busy_timeout", "50")
                .retry(retry)
                .onRetry((attempt, failure, delay) -> {
                    retriedOn.add(failure);
                    firstRetry.countDown();
                })
                .open();
        db.migrate();
        return db;
    }

    @Test
    void aWriterLockedOutByAnotherConnectionIsRetriedUntilTheLockIsReleased() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("busy.db");
        List<StratumException> retriedOn = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstRetry = new CountDownLatch(1);
        RetryPolicy patient = new RetryPolicy(100, Duration.ofMillis(5), Duration.ofMillis(20));
        try (Stratum db = open(url, patient, retriedOn, firstRetry);
                Connection other = DriverManager.getConnection(url);
                Statement otherStatement = other.createStatement();
                ExecutorService writer = Executors.newSingleThreadExecutor()) {
            db.memory().put("ns", "k", Json.of("1"));
            otherStatement.execute("BEGIN IMMEDIATE");

            Future<MemoryEntry> write = writer.submit(() -> db.memory().put("ns", "k", Json.of("2")));
            assertThat(firstRetry.await(30, TimeUnit.SECONDS))
                    .as("a retry was reported")
                    .isTrue();
            MemoryEntry seenMeanwhile = db.transactionResult(
                    TransactionOptions.READ_ONLY,
                    tx -> tx.memory().get("ns", "k").orElseThrow());
            otherStatement.execute("ROLLBACK");

            assertThat(write.get(30, TimeUnit.SECONDS).version()).isEqualTo(2);
            assertThat(seenMeanwhile.version())
                    .as("a read-only transaction takes no write lock")
                    .isEqualTo(1);
            assertThat(retriedOn).isNotEmpty().allSatisfy(e -> assertThat(e).isInstanceOf(Busy.class));
            assertThat(db.audit().query(AuditQuery.all(), PageRequest.first()).items())
                    .hasSize(2);
        }
    }

    @Test
    void aWriterThatNeverGetsTheLockFailsWithBusyAfterTheBound() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("locked.db");
        List<StratumException> retriedOn = Collections.synchronizedList(new ArrayList<>());
        RetryPolicy three = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));
        try (Stratum db = open(url, three, retriedOn, new CountDownLatch(1));
                Connection other = DriverManager.getConnection(url);
                Statement otherStatement = other.createStatement()) {
            otherStatement.execute("BEGIN IMMEDIATE");

            assertThatThrownBy(() -> db.memory().put("ns", "k", Json.of("1")))
                    .isInstanceOfSatisfying(
                            Busy.class, e -> assertThat(e.isRetryable()).isTrue());

            otherStatement.execute("ROLLBACK");
            assertThat(retriedOn).hasSize(2);
            assertThat(db.memory().get("ns", "k")).isEmpty();
            assertThat(db.audit().query(AuditQuery.all(), PageRequest.first()).items())
                    .isEmpty();
        }
    }
}
