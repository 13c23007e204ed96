package io.stratum.cli;

import io.stratum.Stratum;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Apply every pending schema change (Liquibase); does nothing when up to date.")
final class MigrateCommand extends DatabaseCommand {

    @Override
    Stratum open(StratumCommand root) {
        return root.open(ONE_SHOT_POOL);
    }

    @Override
    int run(Stratum db, Output out) {
        long before = SchemaView.of(db, root()).applied();
        db.migrate();
        SchemaView after = SchemaView.of(db, root());
        long applied = after.applied() - before;
        if (out.json()) {
            Map<String, Object> json = after.json();
            json.put("newlyApplied", applied);
            out.json(json);
        } else {
            out.line((applied == 0 ? "Schema is up to date: " : "Applied " + applied + " changeset(s): ")
                    + after.summary() + ".");
            if (after.othersLine() != null) {
                out.line(after.othersLine() + ".");
            }
        }
        return 0;
    }
}
