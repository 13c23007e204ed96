package io.stratum.cli;

import io.stratum.queue.ActiveCounts;
import io.stratum.queue.QueueStats;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** How {@code stats}, {@code top} and {@code status} print a {@link QueueStats}: tables, one line, or JSON. */
final class StatsView {
    private StatsView() {}

    /** The snapshot as a JSON object; durations in ISO-8601 and in milliseconds. */
    static Map<String, Object> json(QueueStats stats) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", stats.at().toString());
        json.put("active", json(stats.active()));
        json.put("readyDue", stats.readyDue());
        json.put("readyDelayed", stats.readyDelayed());
        json.put("oldestReadyAge", stats.oldestReadyAge().toString());
        json.put("oldestReadyAgeMillis", stats.oldestReadyAge().toMillis());
        json.put("expiredLeases", stats.expiredLeases());
        json.put("failed", stats.failed());
        json.put("window", stats.window().toString());
        json.put("completedInWindow", stats.completedInWindow());
        json.put("failedInWindow", stats.failedInWindow());
        json.put("cancelledInWindow", stats.cancelledInWindow());
        Map<String, Object> byAgentType = new LinkedHashMap<>();
        stats.byAgentType().forEach((type, counts) -> byAgentType.put(type, json(counts)));
        json.put("byAgentType", byAgentType);
        json.put("runningByWorker", stats.runningByWorker());
        return json;
    }

    private static Map<String, Object> json(ActiveCounts counts) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pending", counts.pending());
        json.put("blocked", counts.blocked());
        json.put("ready", counts.ready());
        json.put("running", counts.running());
        json.put("total", counts.total());
        return json;
    }

    /** The queue by status, then the last minute, as name/value rows. */
    static Table summary(QueueStats stats) {
        ActiveCounts active = stats.active();
        return Table.keyValue()
                .alignRight(1)
                .row("pending", active.pending())
                .row("blocked", active.blocked())
                .row("ready, claimable now", stats.readyDue())
                .row("ready, waiting for run-after", stats.readyDelayed())
                .row("running", active.running())
                .row("running, lease expired", stats.expiredLeases())
                .row("failed", stats.failed())
                .row("oldest claimable waits", age(stats.oldestReadyAge()))
                .row("completed, last minute", stats.completedInWindow())
                .row("failed, last minute", stats.failedInWindow())
                .row("cancelled, last minute", stats.cancelledInWindow());
    }

    /** Active tasks per agent type, with a total row. */
    static Table byAgentType(QueueStats stats) {
        Table table = Table.withHeaders("AGENT TYPE", "PENDING", "BLOCKED", "READY", "RUNNING")
                .alignRight(1, 2, 3, 4);
        stats.byAgentType().forEach((type, c) -> table.row(type, c.pending(), c.blocked(), c.ready(), c.running()));
        ActiveCounts all = stats.active();
        return table.row("(all)", all.pending(), all.blocked(), all.ready(), all.running());
    }

    /** Running tasks per worker holding their leases. */
    static Table workers(QueueStats stats) {
        Table table = Table.withHeaders("WORKER", "RUNNING").alignRight(1);
        stats.runningByWorker().forEach(table::row);
        return table;
    }

    /** One sentence, e.g. {@code 3 ready (1 waiting for run-after), 2 running, ... in the last minute.} */
    static String line(QueueStats stats) {
        ActiveCounts a = stats.active();
        return a.pending() + " pending, " + a.blocked() + " blocked, " + a.ready() + " ready ("
                + stats.readyDelayed() + " waiting for run-after), " + a.running() + " running ("
                + stats.expiredLeases() + " with an expired lease), " + stats.failed() + " failed; "
                + stats.completedInWindow() + " completed, " + stats.failedInWindow() + " failed and "
                + stats.cancelledInWindow() + " cancelled in the last minute";
    }

    /** {@code 0s}, {@code 42s}, {@code 3m 07s}, {@code 2h 05m}. */
    static String age(Duration age) {
        long seconds = age.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
