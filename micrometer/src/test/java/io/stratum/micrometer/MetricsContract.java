package io.stratum.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.stratum.Json;
import io.stratum.LeaseLost;
import io.stratum.Stratum;
import io.stratum.queue.Claimed;
import io.stratum.queue.Lease;
import io.stratum.task.NewTask;
import io.stratum.task.Task;
import io.stratum.task.TaskId;
import io.stratum.testkit.tck.MutableClock;
import io.stratum.testkit.tck.ScratchDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The meters of a store, read back from a registry after calls made through the store itself, on a real database of
 * the backend a subclass names; the store's clock is moved by hand to expire leases.
 */
abstract class MetricsContract {
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock();
    private ScratchDatabases databases;
    private Stratum db;

    /** The test database service of the backend. */
    abstract String service();

    /** The backend's name, as the meters are tagged. */
    abstract String backend();

    @BeforeEach
    void open() {
        databases = ScratchDatabases.of(service());
        db = Stratum.builder().url(databases.freshUrl()).clock(clock).open();
        db.migrate();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
        databases.close();
    }

    private TaskId submit(int maxRetries) {
        return db.tasks()
                .submit(NewTask.builder("metered", "coder")
                        .maxRetries(maxRetries)
                        .build());
    }

    private Lease claimOne() {
        List<Claimed> claimed = db.queue().claim("worker", 1, LEASE);
        assertThat(claimed).hasSize(1);
        return claimed.getFirst().lease();
    }

    @Test
    void callsThroughTheStoreAreTimedErrorsCountedAndGaugesSampledAtMostOncePerInterval() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StratumMetrics.bind(db, registry, Duration.ofHours(1));
        db.tasks().submit(NewTask.builder("one", "coder").priority(9).build());
        db.tasks().submitAll(List.of(NewTask.builder("two", "coder").build()));
        Lease lease = claimOne();
        db.queue().complete(lease, null);
        assertThatThrownBy(() -> db.queue().complete(lease, null)).isInstanceOf(LeaseLost.class);

        assertThat(timer(registry, "submit", "success")).isEqualTo(2);
        assertThat(timer(registry, "claim", "success")).isEqualTo(1);
        assertThat(timer(registry, "complete", "success")).isEqualTo(1);
        assertThat(timer(registry, "complete", "conflict")).isEqualTo(1);
        assertThat(counter(registry, "stratum.errors", "code", "conflict")).isEqualTo(1);
        assertThat(counter(registry, "stratum.queue.lease.lost", "operation", "complete"))
                .isEqualTo(1);

        assertThat(gauge(registry, "stratum.queue.tasks", "ready")).isEqualTo(1);
        assertThat(gauge(registry, "stratum.queue.finished.last.minute", "completed"))
                .isEqualTo(1);
        submit(3);
        assertThat(gauge(registry, "stratum.queue.tasks", "ready"))
                .as("sampled once an hour: still the first snapshot")
                .isEqualTo(1);
        assertThat(db.queue().stats().active().ready()).isEqualTo(2);
    }

    @Test
    void theSampleOfTheDocsIsMeteredWithoutAnyWrapper() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StratumMetrics.bind(db, registry);
        db.tasks().submit(NewTask.builder("index the repository", "indexer").build());
        for (Claimed work : db.queue().claim("worker-1", 16, Duration.ofMinutes(5))) {
            db.queue().complete(work.lease(), run(work.task()));
        }

        assertThat(timer(registry, "submit", "success")).isEqualTo(1);
        assertThat(timer(registry, "claim", "success")).isEqualTo(1);
        assertThat(timer(registry, "complete", "success")).isEqualTo(1);
    }

    private static Json run(Task task) {
        return Json.of("{\"indexed\": \"" + task.summary() + "\"}");
    }

    @Test
    void failedAttemptsCountAsRetriesUntilTheLastWhichCountsAsAFailure() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StratumMetrics.bind(db, registry);
        submit(1);
        db.queue().fail(claimOne(), "first");
        assertThat(count(registry, "stratum.queue.retries")).isEqualTo(1);
        assertThat(count(registry, "stratum.queue.failures")).isZero();

        clock.advance(Duration.ofMinutes(1));
        db.queue().fail(claimOne(), "second");
        assertThat(count(registry, "stratum.queue.retries")).isEqualTo(1);
        assertThat(count(registry, "stratum.queue.failures")).isEqualTo(1);
        assertThat(timer(registry, "fail", "success")).isEqualTo(2);
    }

    @Test
    void leasesReclaimedByAClaimsSweepAndByReclaimExpiredAreCountedApart() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StratumMetrics.bind(db, registry);
        submit(1);
        claimOne();
        clock.advance(LEASE.plusMinutes(1));
        assertThat(db.queue().claim("rescuer", 1, LEASE)).isEmpty(); // its sweep reclaimed the task: backing off
        assertThat(counter(registry, "stratum.queue.reclaimed", "by", "claim")).isEqualTo(1);
        assertThat(count(registry, "stratum.queue.retries")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        claimOne();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(db.queue().reclaimExpired()).isEqualTo(1);
        assertThat(counter(registry, "stratum.queue.reclaimed", "by", "reclaim_expired"))
                .isEqualTo(1);
        assertThat(counter(registry, "stratum.queue.reclaimed", "by", "claim")).isEqualTo(1);
        assertThat(count(registry, "stratum.queue.failures")).isEqualTo(1);
        assertThat(timer(registry, "reclaim_expired", "success")).isEqualTo(1);
    }

    @Test
    void aRolledBackTransactionCountsNothingAndACommittedOneCountsOnce() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StratumMetrics.bind(db, registry);
        submit(3);
        Lease lease = claimOne();
        assertThatThrownBy(() -> db.transaction(tx -> {
                    tx.queue().fail(lease, "rolled back");
                    throw new IllegalStateException("roll back");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(count(registry, "stratum.queue.retries")).isZero();
        assertThat(registry.find("stratum.queue.operations")
                        .tag("operation", "fail")
                        .timer())
                .isNull();

        db.transaction(tx -> tx.queue().fail(lease, "committed"));
        assertThat(count(registry, "stratum.queue.retries")).isEqualTo(1);
        assertThat(timer(registry, "fail", "success")).isEqualTo(1);
    }

    @Test
    void closingStopsTheMetering() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StratumMetrics metrics = StratumMetrics.bind(db, registry);
        submit(3);
        metrics.close();
        submit(3);
        assertThat(timer(registry, "submit", "success")).isEqualTo(1);
        assertThat(registry.find("stratum.queue.tasks").gauges()).isEmpty();
    }

    @Test
    void aSamplingIntervalOfZeroReadsTheStatsOnEveryScrape() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StratumMetrics.bind(db, registry, Duration.ZERO);
        submit(3);
        assertThat(gauge(registry, "stratum.queue.tasks", "ready")).isEqualTo(1);
        submit(3);
        assertThat(gauge(registry, "stratum.queue.tasks", "ready")).isEqualTo(2);
    }

    @Test
    void prometheusExposesTheMeters() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        StratumMetrics.bind(db, registry);
        submit(3);
        Lease lease = claimOne();
        db.queue().fail(lease, "retried");
        assertThatThrownBy(() -> db.queue().heartbeat(lease, LEASE)).isInstanceOf(LeaseLost.class);

        String text = registry.scrape();
        writeSample(text);

        assertThat(text)
                .contains("stratum_queue_tasks{backend=\"" + backend() + "\",status=\"ready\"} 1.0")
                .contains("stratum_queue_oldest_ready_age_seconds{backend=\"" + backend() + "\"}")
                .contains("stratum_queue_operations_seconds_count{backend=\"" + backend()
                        + "\",operation=\"submit\",outcome=\"success\"} 1")
                .contains("stratum_queue_retries_total{backend=\"" + backend() + "\"} 1.0")
                .contains("stratum_queue_lease_lost_total{backend=\"" + backend() + "\",operation=\"heartbeat\"} 1.0");
    }

    /** Keeps the exposition text in target/, where the sample in docs/metrics.md was taken from. */
    private void writeSample(String text) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "prometheus-" + backend() + ".txt"), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long timer(MeterRegistry registry, String operation, String outcome) {
        return registry.get("stratum.queue.operations")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .timer()
                .count();
    }

    private static double count(MeterRegistry registry, String name) {
        return registry.get(name).counter().count();
    }

    private static double counter(MeterRegistry registry, String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }

    private static double gauge(MeterRegistry registry, String name, String status) {
        return registry.get(name).tag("status", status).gauge().value();
    }
}
