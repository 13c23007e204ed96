package io.stratum.internal.observe;

import io.stratum.ErrorCode;
import io.stratum.LeaseLost;
import io.stratum.StratumException;
import io.stratum.internal.tx.TransactionDatabase;
import io.stratum.internal.tx.TransactionRunner;
import io.stratum.queue.QueueObserver;
import io.stratum.queue.QueueOperation;
import io.stratum.queue.ReclaimedBy;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the queue reports to a store's {@link QueueObservers}. A report made while a transaction is open on the
 * calling thread waits for its commit (and is dropped if it rolls back); one made outside goes out at once. Callers
 * check {@link #any()} before they build a report, so that a store without observers allocates nothing.
 */
public final class QueueEvents {
    private final QueueObservers observers;
    private final TransactionRunner transactions;

    public QueueEvents(QueueObservers observers, TransactionRunner transactions) {
        this.observers = observers;
        this.transactions = transactions;
    }

    /** Whether anyone listens: when not, callers skip the reporting methods. */
    public boolean any() {
        return observers.any();
    }

    /** Runs {@code call} and reports it as {@code operation} with its time and outcome. */
    public <T> T timed(QueueOperation operation, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            T result = call.get();
            ended(operation, start, Optional.empty());
            return result;
        } catch (RuntimeException e) {
            ended(operation, start, Optional.of(codeOf(e)));
            if (e instanceof LeaseLost) {
                report(observer -> observer.leaseLost(operation));
            }
            throw e;
        }
    }

    /** {@link #timed} for a call without result. */
    public void timed(QueueOperation operation, Runnable call) {
        timed(operation, () -> {
            call.run();
            return null;
        });
    }

    /** An attempt failed and the task was {@code retried} or failed for good. */
    public void attemptFailed(boolean retried) {
        if (any()) {
            report(observer -> observer.attemptFailed(retried));
        }
    }

    /** {@code count} expired leases were reclaimed by {@code by}; nothing is reported for none. */
    public void reclaimed(int count, ReclaimedBy by) {
        if (count > 0 && any()) {
            report(observer -> observer.leasesReclaimed(count, by));
        }
    }

    private void ended(QueueOperation operation, long start, Optional<ErrorCode> error) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        report(observer -> observer.operationEnded(operation, elapsed, error));
    }

    private void report(Consumer<QueueObserver> event) {
        TransactionDatabase open = transactions.current();
        if (open == null) {
            observers.tell(event);
        } else {
            open.afterCommit(() -> observers.tell(event));
        }
    }

    private static ErrorCode codeOf(RuntimeException e) {
        return e instanceof StratumException typed ? typed.code() : ErrorCode.INTERNAL;
    }
}
