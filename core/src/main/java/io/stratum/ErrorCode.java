package io.stratum;

/**
 * Stable, machine-readable code of a {@link StratumException}. The CLI turns it into its exit status;
 * scripts can rely on both the name and the status not changing between releases.
 */
public enum ErrorCode {
    NOT_FOUND(3),
    CONFLICT(4),
    CONSTRAINT_VIOLATION(5),
    INVALID_INPUT(2),
    BUSY(6),
    TIMEOUT(7),
    UNAVAILABLE(8),
    MIGRATION(9),
    CONFIGURATION(10),
    INTERNAL(1);

    private final int exitStatus;

    ErrorCode(int exitStatus) {
        this.exitStatus = exitStatus;
    }

    /** The process exit status a command line tool should use for this error. */
    public int exitStatus() {
        return exitStatus;
    }
}
