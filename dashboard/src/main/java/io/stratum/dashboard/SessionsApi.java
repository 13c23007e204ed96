package io.stratum.dashboard;

import io.stratum.Stratum;
import io.stratum.session.Session;
import io.stratum.session.SessionFilters;
import io.stratum.session.SessionId;
import io.stratum.session.SessionStatus;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code /api/sessions}: sessions, oldest first, and one session with a page of its events. */
final class SessionsApi {
    private static final Set<String> LIST_PARAMS = Set.of("status", "after", "limit");
    private static final Set<String> SESSION_PARAMS = Set.of("after", "limit");

    private final Stratum db;

    SessionsApi(Stratum db) {
        this.db = db;
    }

    Map<String, Object> list(URI uri) {
        Request request = Request.of(uri, LIST_PARAMS);
        SessionFilters filters = SessionFilters.builder()
                .status(request.choice("status", SessionStatus.class))
                .build();
        return Views.page(db.sessions().list(filters, request.page(TasksApi.DEFAULT_LIMIT)), Views::session, null);
    }

    Map<String, Object> session(String idText, URI uri) {
        Request request = Request.of(uri, SESSION_PARAMS);
        SessionId id;
        try {
            id = SessionId.parse(idText);
        } catch (RuntimeException e) {
            throw ApiError.badRequest("'" + idText + "' is not a session id");
        }
        Session session = db.sessions().require(id);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("session", Views.session(session));
        json.put(
                "events",
                Views.page(db.sessions().events(id, request.page(TasksApi.DEFAULT_LIMIT)), Views::event, null));
        return json;
    }
}
