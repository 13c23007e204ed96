package io.stratum.bench;

/**
 * The databases every workload runs on. The peer libraries compared against need SQL of their own per
 * database, which is why the kinds are listed here; the databases themselves come from the named test
 * database service.
 */
enum BackendKind {
    SQLITE("sqlite", "sqlite-file"),
    POSTGRESQL("postgresql", "postgresql"),
    MARIADB("mariadb", "mariadb");

    private final String label;
    private final String testDatabaseService;

    BackendKind(String label, String testDatabaseService) {
        this.label = label;
        this.testDatabaseService = testDatabaseService;
    }

    /** The name of the {@link io.stratum.spi.TestDatabaseService} scratch databases come from. */
    String testDatabaseService() {
        return testDatabaseService;
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
        throw new IllegalArgumentException("unknown backend '" + label + "' (sqlite, postgresql or mariadb)");
    }
}
