package io.stratum.session;

import io.stratum.Json;
import java.time.OffsetDateTime;

/**
 * A stored session: a unit of work of an agent swarm that tasks may belong to ({@code NewTask.sessionId}) and that
 * keeps an append-only log of {@link SessionEvent}s.
 *
 * @param lastEventSeq sequence number of the newest event (0 before the first)
 */
public record Session(
        SessionId id,
        String name,
        SessionStatus status,
        Json metadata,
        String createdBy,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        long lastEventSeq) {}
