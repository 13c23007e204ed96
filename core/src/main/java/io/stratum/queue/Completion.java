package io.stratum.queue;

import io.stratum.InvalidInput;
import io.stratum.Json;

/** One entry of {@link TaskQueue#completeAll}: the lease and the task's result ({@code null} for none). */
public record Completion(Lease lease, Json result) {
    public Completion {
        if (lease == null) {
            throw new InvalidInput("lease", "is required");
        }
    }
}
