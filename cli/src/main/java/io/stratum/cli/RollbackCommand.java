package io.stratum.cli;

import io.stratum.DatabaseError;
import io.stratum.InvalidInput;
import io.stratum.Stratum;
import java.io.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rollback", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Undo applied schema changes: the last N, or all applied after a tag.",
                "Dropping a table (and its data) needs --force, or a yes on a terminal."})
final class RollbackCommand extends DatabaseCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--force", description = "Roll back even when that drops tables and the data in them.")
    boolean force;

    static final class Target {
        @Option(names = "--count", paramLabel = "N", description = "Roll back the N most recent changesets.")
        Integer count;

        @Option(names = "--to-tag", paramLabel = "TAG",
                description = "Roll back everything applied after the changeset that set TAG, e.g. v1.")
        String tag;
    }

    @Override
    Stratum open(StratumCommand root) {
        return root.open(ONE_SHOT_POOL);
    }

    @Override
    int run(Stratum db, Output out) {
        List<String> undone = undone(db);
        List<String> dropped = undone.stream().flatMap(c -> SchemaCheck.tablesCreatedBy(c).stream()).toList();
        if (!dropped.isEmpty() && !force && !confirmed(undone.size(), dropped)) {
            throw new InvalidInput("--force", "rolling back " + undone.size() + " changeset(s) drops the table(s) "
                    + String.join(", ", dropped) + " with all their data; add --force to do it");
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

    /**
     * {@code id::author} of the changesets this rollback undoes, from the database's history in the order
     * they ran: the last {@code --count}, or those after the last one tagged {@code --to-tag}. Empty when
     * there is nothing to undo or no such tag (the rollback itself then says so).
     */
    private List<String> undone(Stratum db) {
        List<String> ran = new ArrayList<>();
        int tagged = -1;
        try {
            for (var row : db.dsl().select(DSL.field(DSL.name("id"), String.class),
                            DSL.field(DSL.name("author"), String.class), DSL.field(DSL.name("tag"), String.class))
                    .from(DSL.table(DSL.name("databasechangelog")))
                    .orderBy(DSL.field(DSL.name("dateexecuted")), DSL.field(DSL.name("orderexecuted")))
                    .fetch()) {
                if (target.tag != null && target.tag.equalsIgnoreCase(row.value3())) {
                    tagged = ran.size();
                }
                ran.add(row.value1() + "::" + row.value2());
            }
        } catch (DatabaseError e) {
            return List.of(); // no history table: nothing applied
        }
        if (target.count != null) {
            return ran.subList(Math.max(0, ran.size() - Math.max(0, target.count)), ran.size());
        }
        return tagged < 0 ? List.of() : ran.subList(tagged + 1, ran.size());
    }

    /** On a terminal, asks before dropping tables; elsewhere there is nobody to ask. */
    private boolean confirmed(int changeSets, List<String> tables) {
        Console console = System.console();
        if (console == null || !root().terminal()) {
            return false;
        }
        String answer = console.readLine("Roll back %d changeset(s) and drop the table(s) %s with all their data? [y/N] ",
                changeSets, String.join(", ", tables));
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }
}
