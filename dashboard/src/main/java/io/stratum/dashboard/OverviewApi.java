package io.stratum.dashboard;

import io.stratum.Stratum;
import io.stratum.queue.QueueStats;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/overview}: the database shown and the queue's {@link QueueStats}: active tasks by status and agent
 * type, ready tasks claimable now and waiting for their time, the oldest claimable task's wait, expired leases,
 * failed tasks, what finished in the last minute, and the running tasks each worker holds.
 */
final class OverviewApi {
    // ActiveCounts records go out as {"pending", "blocked", "ready", "running"}.
    private final Stratum db;
    private final String shownUrl;

    OverviewApi(Stratum db, String shownUrl) {
        this.db = db;
        this.shownUrl = shownUrl;
    }

    Map<String, Object> overview(URI uri) {
        Request.of(uri, Set.of());
        QueueStats stats = db.queue().stats();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("database", shownUrl);
        json.put("backend", db.backendName());
        json.put("at", stats.at().toString());
        json.put("active", stats.active());
        json.put("failed", stats.failed());
        json.put("readyDue", stats.readyDue());
        json.put("readyDelayed", stats.readyDelayed());
        json.put("oldestReadyAgeSeconds", stats.oldestReadyAge().toMillis() / 1000.0);
        json.put("expiredLeases", stats.expiredLeases());
        json.put("windowSeconds", stats.window().toSeconds());
        json.put("completedInWindow", stats.completedInWindow());
        json.put("failedInWindow", stats.failedInWindow());
        json.put("cancelledInWindow", stats.cancelledInWindow());
        List<Map<String, Object>> byAgentType = stats.byAgentType().entrySet().stream()
                .map(e -> Map.<String, Object>of("agentType", e.getKey(), "counts", e.getValue()))
                .toList();
        json.put("byAgentType", byAgentType);
        json.put(
                "runningByWorker",
                stats.runningByWorker().entrySet().stream()
                        .map(e -> Map.of("worker", e.getKey(), "running", e.getValue()))
                        .toList());
        return json;
    }
}
