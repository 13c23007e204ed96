package io.stratum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything one run measured, in the order it was measured, and the targets checked against it. */
final class Report {
    private final List<Row> rows = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    void target(Target target) {
        targets.add(target);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    List<Target> targets() {
        return List.copyOf(targets);
    }

    Optional<Measurement> find(String workload, BackendKind backend, String system) {
        return rows.stream()
                .filter(r -> r.workload().equals(workload)
                        && r.backend() == backend
                        && r.system().equals(system))
                .filter(Row::measured)
                .map(Row::measurement)
                .findFirst();
    }
}
