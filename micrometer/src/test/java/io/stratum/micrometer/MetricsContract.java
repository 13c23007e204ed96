package io.stratum.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.stratum.LeaseLost;
import io.stratum.Stratum;
import io.stratum.queue.Claimed;
import io.stratum.task.NewTask;
import io.stratum.testkit.tck.ScratchDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The meters of a store, read back from a registry, on a real database of the backend a subclass names. */
abstract class MetricsContract {
    private ScratchDatabases databases;
    private Stratum db;

    /** The test database service of the backend. */
    abstract String service();

    /** The backend's name, as the meters are tagged. */
    abstract String backend();

    @BeforeEach
    void open() {
        databases = ScratchDatabases.of(service());
        db = Stratum.open(databases.freshUrl());
        db.migrate();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
        databases.close();
    }

    @Test
    void callsAreTimedErrorsCountedAndGaugesSampledAtMostOncePerInterval() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StratumMetrics metrics = StratumMetrics.bind(db, registry, Duration.ofHours(1));
        metrics.submit(NewTask.builder("one", "coder").priority(9).build());
        metrics.submit(NewTask.builder("two", "coder").build());
        List<Claimed> claimed = metrics.queue().claim("worker", 1, Duration.ofMinutes(1));
        metrics.queue().complete(claimed.getFirst().lease(), null);
        assertThatThrownBy(() -> metrics.queue().complete(claimed.getFirst().lease(), null))
                .isInstanceOf(LeaseLost.class);

        assertThat(timer(registry, "submit", "success")).isEqualTo(2);
        assertThat(timer(registry, "claim", "success")).isEqualTo(1);
        assertThat(timer(registry, "complete", "success")).isEqualTo(1);
        assertThat(timer(registry, "complete", "conflict")).isEqualTo(1);
        assertThat(registry.get("stratum.errors")
                        .tag("code", "conflict")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("stratum.queue.lease.lost")
                        .tag("operation", "complete")
                        .counter()
                        .count())
                .isEqualTo(1);

        assertThat(gauge(registry, "stratum.queue.tasks", "ready")).isEqualTo(1);
        assertThat(gauge(registry, "stratum.queue.finished.last.minute", "completed"))
                .isEqualTo(1);
        metrics.submit(NewTask.builder("three", "coder").build());
        assertThat(gauge(registry, "stratum.queue.tasks", "ready"))
                .as("sampled once an hour: still the first snapshot")
                .isEqualTo(1);
        assertThat(db.queue().stats().active().ready()).isEqualTo(2);
    }

    @Test
    void aSamplingIntervalOfZeroReadsTheStatsOnEveryScrape() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StratumMetrics metrics = StratumMetrics.bind(db, registry, Duration.ZERO);
        metrics.submit(NewTask.builder("one", "coder").build());
        assertThat(gauge(registry, "stratum.queue.tasks", "ready")).isEqualTo(1);
        metrics.submit(NewTask.builder("two", "coder").build());
        assertThat(gauge(registry, "stratum.queue.tasks", "ready")).isEqualTo(2);
    }

    @Test
    void prometheusExposesTheMeters() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        StratumMetrics metrics = StratumMetrics.bind(db, registry);
        metrics.submit(NewTask.builder("one", "coder").build());

        String text = registry.scrape();
        writeSample(text);

        assertThat(text)
                .contains("stratum_queue_tasks{backend=\"" + backend() + "\",status=\"ready\"} 1.0")
                .contains("stratum_queue_oldest_ready_age_seconds{backend=\"" + backend() + "\"}")
                .contains("stratum_queue_operations_seconds_count{backend=\"" + backend()
                        + "\",operation=\"submit\",outcome=\"success\"} 1");
    }

    /** Keeps the exposition text in target/, where the README's sample was taken from. */
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

    private static double gauge(MeterRegistry registry, String name, String status) {
        return registry.get(name).tag("status", status).gauge().value();
    }
}
