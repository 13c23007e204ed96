package io.stratum.cli;

import io.stratum.Stratum;
import io.stratum.queue.Claimed;
import io.stratum.queue.Lease;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "claim",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Take up to N ready tasks for a worker, highest priority first, under a lease.",
            "Finish each with 'complete' or 'fail' and the printed token before the lease expires."
        })
final class ClaimCommand extends DatabaseCommand {

    @Option(names = "--worker", required = true, paramLabel = "ID", description = "Who claims, e.g. coder-1.")
    String worker;

    @Option(
            names = {"-n", "--max"},
            paramLabel = "N",
            defaultValue = "1",
            description = "At most N tasks (default: ${DEFAULT-VALUE}).")
    int max;

    @Option(
            names = "--lease",
            paramLabel = "DURATION",
            defaultValue = "5m",
            converter = Converters.LeaseDuration.class,
            description = "How long the claim holds, e.g. 30s, 5m, 1h; at most 365d (default: ${DEFAULT-VALUE}).")
    Duration lease;

    @Override
    int run(Stratum db, Output out) {
        List<Claimed> claimed = db.queue().claim(worker, max, lease);
        if (out.json()) {
            out.json(claimed.stream().map(ClaimCommand::json).toList());
            return 0;
        }
        if (claimed.isEmpty()) {
            out.line("No task is ready.");
            return 0;
        }
        Table table = Table.withHeaders("ID", "TOKEN", "EXPIRES", "AGENT", "SUMMARY");
        for (Claimed c : claimed) {
            table.row(
                    c.task().id(),
                    c.lease().token(),
                    TaskViews.seconds(c.lease().expiresAt()),
                    c.task().agentType(),
                    c.task().summary());
        }
        out.table(table);
        return 0;
    }

    private static Map<String, Object> json(Claimed claimed) {
        Lease lease = claimed.lease();
        Map<String, Object> leaseJson = new LinkedHashMap<>();
        leaseJson.put("taskId", lease.taskId().toString());
        leaseJson.put("owner", lease.owner());
        leaseJson.put("token", lease.token().toString());
        leaseJson.put("expiresAt", lease.expiresAt().toString());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task", TaskViews.json(claimed.task()));
        json.put("lease", leaseJson);
        return json;
    }
}
