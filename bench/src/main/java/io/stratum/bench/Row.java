package io.stratum.bench;

/**
 * One line of the table. {@code ratio} compares this row with the row named by {@code versus}: throughput
 * over throughput, or for latency rows p99 over p99. Either may be null.
 */
record Row(
        String workload,
        BackendKind backend,
        String system,
        Rounds.Outcome outcome,
        String note,
        String versus,
        Double ratio) {

    static Row of(String workload, BackendKind backend, String system, Rounds.Outcome outcome, String note) {
        return new Row(workload, backend, system, outcome, note, null, null);
    }

    Row comparedWith(String label, double value) {
        return new Row(workload, backend, system, outcome, note, label, value);
    }

    Measurement measurement() {
        return outcome.measurement();
    }

    boolean measured() {
        return outcome.measurement() != null;
    }
}
