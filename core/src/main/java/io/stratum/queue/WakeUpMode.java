package io.stratum.queue;

/**
 * How a waiting {@link TaskQueue#claim(String, int, java.time.Duration, java.time.Duration) claim} learns that tasks
 * became claimable; set with {@link QueueSettings#withWakeUps}.
 */
public enum WakeUpMode {
    /**
     * The database's notifications where the backend has them (PostgreSQL: {@code LISTEN}/{@code NOTIFY}, on one
     * connection per store outside the pool), signals within the JVM where not; a poll every
     * {@link QueueSettings#pollInterval()} on top of either.
     */
    NOTIFY,
    /**
     * Signals within the JVM and a poll every {@link QueueSettings#pollInterval()}; no notification is sent or
     * listened for. For PostgreSQL behind a pooler in transaction mode (PgBouncer), where {@code LISTEN} does not
     * work.
     */
    POLL
}
