package io.stratum.testkit.tck;

import io.stratum.ErrorCode;
import io.stratum.queue.QueueObserver;
import io.stratum.queue.QueueOperation;
import io.stratum.queue.ReclaimedBy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A {@link QueueObserver} that writes down what it is told as short lines, e.g. {@code "claim success"}. */
final class RecordingObserver implements QueueObserver {
    private final List<String> lines = new ArrayList<>();

    /** What it was told so far, in order. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Forgets what it was told. */
    synchronized void clear() {
        lines.clear();
    }

    @Override
    public synchronized void operationEnded(QueueOperation operation, Duration elapsed, Optional<ErrorCode> error) {
        if (elapsed.isNegative()) {
            throw new AssertionError(operation + " took " + elapsed);
        }
        lines.add(name(operation) + " " + error.map(RecordingObserver::name).orElse("success"));
    }

    @Override
    public synchronized void attemptFailed(boolean retried) {
        lines.add(retried ? "attempt retried" : "attempt failed for good");
    }

    @Override
    public synchronized void leasesReclaimed(int count, ReclaimedBy by) {
        lines.add(count + " reclaimed by " + name(by));
    }

    @Override
    public synchronized void leaseLost(QueueOperation operation) {
        lines.add("lease lost on " + name(operation));
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
