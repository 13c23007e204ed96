package io.stratum.session;

import io.stratum.IllegalTransition;
import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.NotFound;
import io.stratum.Page;
import io.stratum.PageRequest;
import java.util.Optional;

/**
 * Stored sessions and their event logs. Every method runs in its own transaction unless called inside
 * {@code Stratum.transaction(...)}.
 *
 * <pre>{@code
 * Session s = db.sessions().create(NewSession.named("feature-x").withCreatedBy("planner"));
 * db.sessions().append(s.id(), "task.planned", Json.of("{\"tasks\": 3}"));
 * Page<SessionEvent> events = db.sessions().events(s.id(), PageRequest.first(100));   // events 1..100
 * db.sessions().end(s.id(), SessionStatus.ENDED);
 * }</pre>
 */
public interface SessionRepository {

    /** Starts a session: status {@code active}, started now, no events. */
    Session create(NewSession session);

    /** The session with this id, if any. */
    Optional<Session> get(SessionId id);

    /** The session with this id; {@link NotFound} if there is none. */
    Session require(SessionId id);

    /**
     * Ends an active session with {@code outcome} ({@link SessionStatus#ENDED} or {@link SessionStatus#FAILED}).
     *
     * @throws IllegalTransition if the session has already ended
     * @throws InvalidInput if {@code outcome} is {@link SessionStatus#ACTIVE}
     * @throws NotFound if there is no such session
     */
    Session end(SessionId id, SessionStatus outcome);

    /**
     * A page of the sessions matching {@code filters}, oldest first (in id order, which is start order).
     *
     * @throws InvalidInput if the cursor was not handed out by this method
     */
    Page<Session> list(SessionFilters filters, PageRequest page);

    /**
     * Appends an event to the session's log and returns it with its sequence number. Events can be appended in any
     * status, so late reports of a session's work are kept after it ended; they are never changed or removed
     * (except with the session itself).
     *
     * @param type 1..{@value SessionEvent#TYPE_MAX} characters
     * @throws NotFound if there is no such session
     */
    SessionEvent append(SessionId sessionId, String type, Json payload);

    /**
     * A page of the session's events in sequence order; the cursor is the last sequence number of the page.
     *
     * @throws InvalidInput if the cursor was not handed out by this method
     */
    Page<SessionEvent> events(SessionId sessionId, PageRequest page);
}
