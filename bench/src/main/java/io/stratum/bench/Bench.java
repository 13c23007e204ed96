package io.stratum.bench;

import io.stratum.spi.TestDatabaseService;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What every workload group shares: the sizes, the server of each backend scratch databases go on, and the report
 * rows land in.
 */
final class Bench {
    private final Sizes sizes;
    private final Function<BackendKind, String> servers;
    private final Report report;

    Bench(Sizes sizes, Function<BackendKind, String> servers, Report report) {
        this.sizes = sizes;
        this.servers = servers;
        this.report = report;
    }

    Sizes sizes() {
        return sizes;
    }

    Report report() {
        return report;
    }

    /**
     * A new database of {@code kind} with Stratum's schema and no rows: a copy of a template that the backend's
     * {@link TestDatabaseService} migrated once (a file copy on SQLite, {@code CREATE DATABASE ... TEMPLATE} on
     * PostgreSQL, the template's {@code SHOW CREATE TABLE} statements replayed on MariaDB), which takes a fraction
     * of the time of running the changelog again.
     */
    ScratchDatabase migratedDatabase(BackendKind kind) {
        return ScratchDatabase.migrated(kind, servers.apply(kind));
    }

    ScratchDatabase emptyDatabase(BackendKind kind) {
        return ScratchDatabase.empty(kind, servers.apply(kind));
    }

    /** Runs the contenders' rounds, interleaved. */
    Map<String, Rounds.Outcome> measure(String workload, BackendKind kind, List<? extends Contender> contenders) {
        return sizes.roundsPlan().run(workload + " on " + kind.label(), contenders);
    }

    /**
     * Adds one row per contender; each row other than the baseline's gets its throughput ratio to
     * {@code baseline}'s (when both were measured).
     */
    void addRows(
            String workload, BackendKind kind, Map<String, Rounds.Outcome> outcomes, String baseline, String note) {
        Rounds.Outcome base = outcomes.get(baseline);
        outcomes.forEach((system, outcome) -> {
            Row row = Row.of(workload, kind, system, outcome, note);
            if (!system.equals(baseline)
                    && outcome.measurement() != null
                    && base != null
                    && base.measurement() != null) {
                row = row.comparedWith(
                        baseline,
                        outcome.measurement().median() / base.measurement().median());
            }
            report.add(row);
        });
    }

    /** Checks {@code numerator / denominator >= threshold} when both rows were measured. */
    void throughputTarget(
            String description,
            BackendKind kind,
            String workloadA,
            String systemA,
            String workloadB,
            String systemB,
            double threshold) {
        report.find(workloadA, kind, systemA)
                .ifPresent(a -> report.find(workloadB, kind, systemB)
                        .ifPresent(b -> report.target(Target.atLeast(
                                kind.label() + ": " + description, a.median() / b.median(), threshold))));
    }
}
