package io.stratum.session;

import io.stratum.Json;
import java.time.OffsetDateTime;

/**
 * One entry of a session's append-only event log.
 *
 * @param seq position in the session's log: 1 for the first event, then consecutive; assigned by the database in
 *     the transaction that appends the event, so concurrent appenders never get the same number
 * @param type what happened, e.g. {@code task.planned}
 * @param payload details, or null
 * @param at when the event was appended
 */
public record SessionEvent(SessionId sessionId, long seq, String type, Json payload, OffsetDateTime at) {
    /** Longest event type, in characters. */
    public static final int TYPE_MAX = 200;
}
