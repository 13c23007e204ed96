package io.stratum.cli;

import io.stratum.SchemaMigrations.ChangeSetState;
import io.stratum.Stratum;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "List the schema's changesets and whether each is applied, and summarise the queue once the schema is up"
                    + " to date (see 'stratum stats')."
        })
final class StatusCommand extends DatabaseCommand {

    @Override
    Stratum open(StratumCommand root) {
        return root.open(ONE_SHOT_POOL);
    }

    @Override
    int run(Stratum db, Output out) {
        SchemaView view = SchemaView.of(db, root());
        if (out.json()) {
            Map<String, Object> json = view.json();
            json.put(
                    "changesets",
                    view.changeSets().stream().map(StatusCommand::json).toList());
            json.put("queue", view.pending() == 0 ? StatsView.json(db.queue().stats()) : null);
            out.json(json);
            return 0;
        }
        Table table = Table.withHeaders("CHANGESET", "FILE", "APPLIED");
        for (ChangeSetState c : view.changeSets()) {
            table.row(c.id(), fileName(c.file()), c.applied() ? appliedAt(c) : "pending");
        }
        out.table(table);
        out.blank();
        out.line(view.summary() + (view.pending() == 0 ? "." : "; " + view.advice() + "."));
        if (view.othersLine() != null) {
            out.line(view.othersLine() + ".");
        }
        out.line(
                view.pending() == 0
                        ? "Queue: " + StatsView.line(db.queue().stats()) + "."
                        : "Queue: not summarised until the schema is up to date.");
        return 0;
    }

    private static String appliedAt(ChangeSetState c) {
        return c.appliedAt() == null
                ? "yes"
                : DateTimeFormatter.ISO_INSTANT.format(c.appliedAt().truncatedTo(ChronoUnit.SECONDS));
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Map<String, Object> json(ChangeSetState c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("author", c.author());
        json.put("file", c.file());
        json.put("applied", c.applied());
        json.put("appliedAt", c.appliedAt() == null ? null : c.appliedAt().toString());
        return json;
    }
}
