package io.stratum.queue;

import io.stratum.ErrorCode;
import io.stratum.Stratum;
import io.stratum.StratumException;
import java.time.Duration;
import java.util.Optional;

/**
 * Told what a store's queue does, for metrics or logging: registered with {@link Stratum#observe}, it sees every
 * call made through {@link Stratum#queue()} or a {@link io.stratum.Transaction}'s queue, every submit made through
 * {@link Stratum#tasks()} or a transaction's tasks, and what claims do on their own (the leases their sweep
 * reclaims).
 *
 * <p>Only committed effects are reported: the failed attempts and reclaimed leases of a call are reported once its
 * transaction has committed, and not at all if it rolled back (a transaction retried after a transient failure
 * reports only the run that committed). A call made outside a transaction is reported when it returns or throws; a
 * call made inside {@link Stratum#transaction} is reported, with everything else done in it, once that transaction
 * commits, and not at all if it rolls back.
 *
 * <p>Methods run on the calling thread, possibly while the database's write lock is held (SQLite): keep them quick
 * and do not call the store from them. An exception they throw is logged and ignored. Every method does nothing
 * unless overridden.
 */
public interface QueueObserver {

    /**
     * {@code operation} ended after {@code elapsed}: with {@code error} empty if it succeeded, else with the code of
     * the {@link StratumException} it threw ({@link ErrorCode#INTERNAL} for any other exception).
     */
    default void operationEnded(QueueOperation operation, Duration elapsed, Optional<ErrorCode> error) {}

    /**
     * An attempt of a running task failed, through {@link TaskQueue#fail} or because its lease expired and was
     * reclaimed: {@code retried} if the task went back to {@code ready} to run again, false if it is now
     * {@code failed} for good.
     */
    default void attemptFailed(boolean retried) {}

    /** {@code count} (at least 1) expired leases were reclaimed by {@code by}; each is also a failed attempt. */
    default void leasesReclaimed(int count, ReclaimedBy by) {}

    /**
     * A completion, failure or heartbeat ({@code operation}) was refused with {@link io.stratum.LeaseLost}: the lease
     * presented was no longer the task's. Reported besides {@link #operationEnded}.
     */
    default void leaseLost(QueueOperation operation) {}

    /** An observer's registration: {@link #close()} stops reporting to it. */
    interface Registration extends AutoCloseable {

        /** Removes the observer from the store; idempotent. Calls under way may still report to it. */
        @Override
        void close();
    }
}
