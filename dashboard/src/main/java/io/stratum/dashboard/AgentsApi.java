package io.stratum.dashboard;

import io.stratum.Stratum;
import io.stratum.agent.AgentStatus;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/** {@code /api/agents}: registered agents, optionally of one status. */
final class AgentsApi {
    private static final Set<String> PARAMS = Set.of("status", "after", "limit");

    private final Stratum db;

    AgentsApi(Stratum db) {
        this.db = db;
    }

    Map<String, Object> list(URI uri) {
        Request request = Request.of(uri, PARAMS);
        return Views.page(
                db.agents().list(request.choice("status", AgentStatus.class), request.page(TasksApi.DEFAULT_LIMIT)),
                Views::agent,
                null);
    }
}
