package io.stratum.cli;

import io.stratum.Stratum;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rollback", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Undo applied schema changes: the last N, or all after a tag.")
final class RollbackCommand extends DatabaseCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--count", paramLabel = "N", description = "Roll back the N most recent changesets.")
        Integer count;

        @Option(names = "--to-tag", paramLabel = "TAG", description = "Roll back everything applied after TAG, e.g. v1.")
        String tag;
    }

    @Override
    Stratum open(StratumCommand root) {
        return root.open(ONE_SHOT_POOL);
    }

    @Override
    int run(Stratum db, Output out) {
        long before = SchemaView.of(db, root()).applied();
        if (target.count != null) {
            db.schema().rollback(target.count);
        } else {
            db.schema().rollbackToTag(target.tag);
        }
        SchemaView after = SchemaView.of(db, root());
        long undone = before - after.applied();
        if (out.json()) {
            Map<String, Object> json = after.json();
            json.put("rolledBack", undone);
            out.json(json);
        } else {
            out.line("Rolled back " + undone + " changeset(s): " + after.summary() + ".");
        }
        return 0;
    }
}
