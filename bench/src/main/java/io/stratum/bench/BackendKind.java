package io.stratum.bench;

/** The databases every workload runs on. */
enum BackendKind {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String label;

    BackendKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static BackendKind of(String label) {
        for (BackendKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + label + "' (sqlite or postgresql)");
    }
}
