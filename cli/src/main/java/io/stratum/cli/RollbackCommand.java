package io.stratum.cli;

import io.stratum.InvalidInput;
import io.stratum.RollbackPlan;
import io.stratum.Stratum;
import java.io.Console;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Undo applied schema changes: the last N, or all applied after a tag.",
            "Dropping a table (and its data) needs --force, or a yes on a terminal."
        })
final class RollbackCommand extends DatabaseCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--force", description = "Roll back even when that drops tables and the data in them.")
    boolean force;

    static final class Target {
        @Option(names = "--count", paramLabel = "N", description = "Roll back the N most recent changesets.")
        Integer count;

        @Option(
                names = "--to-tag",
                paramLabel = "TAG",
                description = "Roll back everything applied after the changeset that set TAG, e.g. v1.")
        String tag;
    }

    @Override
    Stratum open(StratumCommand root) {
        return root.open(ONE_SHOT_POOL);
    }

    @Override
    int run(Stratum db, Output out) {
        RollbackPlan plan = target.count != null
                ? db.schema().planRollback(target.count)
                : db.schema().planRollbackToTag(target.tag);
        List<String> dropped = plan.droppedTables();
        if (!dropped.isEmpty() && !force && !confirmed(plan.changeSets().size(), dropped)) {
            throw new InvalidInput(
                    "--force",
                    "rolling back " + plan.changeSets().size()
                            + " changeset(s) drops the table(s) " + String.join(", ", dropped)
                            + " with all their data; add --force to do it");
        }
        long before = SchemaView.of(db, root()).applied();
        if (target.count != null) {
            db.schema().rollback(target.count);
        } else {
            db.schema().rollbackToTag(target.tag);
        }
        SchemaView after = SchemaView.of(db, root());
        long rolledBack = before - after.applied();
        if (out.json()) {
            Map<String, Object> json = after.json();
            json.put("rolledBack", rolledBack);
            out.json(json);
        } else {
            out.line("Rolled back " + rolledBack + " changeset(s): " + after.summary() + ".");
        }
        return 0;
    }

    /** On a terminal, asks before dropping tables; elsewhere there is nobody to ask. */
    private boolean confirmed(int changeSets, List<String> tables) {
        Console console = System.console();
        if (console == null || !root().terminal()) {
            return false;
        }
        String answer = console.readLine(
                "Roll back %d changeset(s) and drop the table(s) %s with all their data? [y/N] ",
                changeSets, String.join(", ", tables));
        return answer != null
                && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }
}
