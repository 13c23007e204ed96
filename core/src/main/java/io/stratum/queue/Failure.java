package io.stratum.queue;

import io.stratum.InvalidInput;
import io.stratum.internal.values.Text;

/**
 * One entry of {@link TaskQueue#failAll}: the lease and what went wrong ({@code null} for nothing to say),
 * at most {@value #ERROR_MAX} characters.
 */
public record Failure(Lease lease, String error) {
    /** Longest accepted error message, in characters. */
    public static final int ERROR_MAX = 100_000;

    public Failure {
        if (lease == null) {
            throw new InvalidInput("lease", "is required");
        }
        Text.optional("error", error, ERROR_MAX);
    }
}
