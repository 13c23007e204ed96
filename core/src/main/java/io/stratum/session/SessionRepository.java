package io.stratum.session;

import io.stratum.IllegalTransition;
import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.NotFound;
import java.util.List;
import java.util.Optional;

/**
 * Stored sessions and their event logs. Every method runs in its own transaction unless called inside
 * {@code Stratum.transaction(...)}.
 *
 * <pre>{@code
 * Session s = db.sessions().create(NewSession.named("feature-x").withCreatedBy("planner"));
 * db.sessions().append(s.id(), "task.planned", Json.of("{\"tasks\": 3}"));
 * List<SessionEvent> page = db.sessions().events(s.id(), 0, 100);   // events 1..100
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

    /** Sessions matching {@code filters}, oldest first. */
    List<Session> list(SessionFilters filters);

    /**
     * Appends an event to the session's log and returns it with its sequence number. Events can be appended in any
     * status, so late reports of a session's work are kept after it ended; they are never changed or removed
     * (except with the session itself).
     *
     * @param type 1..{@value SessionEvent#TYPE_MAX} characters
     * @throws NotFound if there is no such session
     */
    SessionEvent append(SessionId sessionId, String type, Json payload);

    /** Up to {@code limit} (1..10000) events with a sequence number above {@code afterSeq}, in order. */
    List<SessionEvent> events(SessionId sessionId, long afterSeq, int limit);
}
