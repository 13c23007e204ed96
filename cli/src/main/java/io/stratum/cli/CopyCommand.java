package io.stratum.cli;

import io.stratum.InvalidInput;
import io.stratum.JdbcUrls;
import io.stratum.Stratum;
import io.stratum.cli.copy.DatabaseCopy;
import io.stratum.cli.copy.DatabaseCopy.TableCheck;
import io.stratum.cli.copy.DatabaseCopy.TableRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "copy",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = {
            "Copy every table from one database to another (any two of SQLite, PostgreSQL and MariaDB), keeping ids,"
                    + " versions and timestamps, then verify row counts and a checksum per table.",
            "The target is migrated first and must be empty unless --force is given."
        })
final class CopyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "JDBC_URL",
            description = "Source database (its schema must be current).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "JDBC_URL", description = "Target database.")
    String to;

    @Option(names = "--force", description = "Delete everything in a non-empty target first.")
    boolean force;

    @Option(
            names = "--batch",
            paramLabel = "ROWS",
            defaultValue = "1000",
            description = "Rows per read and per target transaction (default: ${DEFAULT-VALUE}).")
    int batch;

    @Override
    public Integer call() {
        StratumCommand root = (StratumCommand) spec.root().userObject();
        if (batch < 1) {
            throw new InvalidInput("--batch", batch + " must be at least 1");
        }
        if (from.equals(to)) {
            throw new InvalidInput("--to", "is the same database as --from");
        }
        requireExistingSqliteFile(from);
        try (Stratum source =
                Stratum.builder().url(from).pool(DatabaseCommand.ONE_SHOT_POOL).open()) {
            requireCurrentSchema(source);
            // Like every command but migrate, copy sets up a new, empty target and refuses one whose schema is behind.
            try (Stratum target = root.openMigrated(Stratum.builder().url(to).pool(DatabaseCommand.ONE_SHOT_POOL))) {
                return copy(new DatabaseCopy(source.dsl(), target.dsl(), batch), root);
            }
        }
    }

    private int copy(DatabaseCopy copy, StratumCommand root) {
        List<String> occupied = copy.nonEmptyTargetTables();
        if (!occupied.isEmpty() && !force) {
            throw new InvalidInput(
                    "--to",
                    JdbcUrls.redact(to) + " already has rows in " + String.join(", ", occupied)
                            + "; pass --force to delete them first");
        }
        if (!occupied.isEmpty()) {
            copy.clearTarget();
        }
        long total = copy.sourceRows().stream().mapToLong(TableRows::rows).sum();
        AtomicLong copied = new AtomicLong();
        long start = System.nanoTime();
        Progress progress =
                Progress.start("rows", total, copied::get, spec.commandLine().getErr(), root.terminal());
        try {
            copy.copy(copied::addAndGet);
        } finally {
            progress.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<TableCheck> checks = copy.verify();
        List<String> mismatched =
                checks.stream().filter(c -> !c.matches()).map(TableCheck::table).toList();
        print(new Output(spec.commandLine().getOut(), root.json()), checks, total, seconds);
        if (!mismatched.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println("stratum: verification failed: " + String.join(", ", mismatched)
                            + " differ between source and target");
            return 1;
        }
        return 0;
    }

    private void print(Output out, List<TableCheck> checks, long rows, double seconds) {
        if (out.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("from", JdbcUrls.redact(from));
            json.put("to", JdbcUrls.redact(to));
            json.put("rows", rows);
            json.put("seconds", seconds);
            json.put("tables", checks);
            json.put("verified", checks.stream().allMatch(TableCheck::matches));
            out.json(json);
            return;
        }
        Table table =
                Table.withHeaders("TABLE", "ROWS", "SHA-256 (SOURCE)", "TARGET").alignRight(1);
        for (TableCheck c : checks) {
            table.row(
                    c.table(),
                    String.format(Locale.ROOT, "%,d", c.sourceRows()),
                    c.sourceSha256().substring(0, 16),
                    c.matches()
                            ? "same"
                            : "DIFFERENT (" + c.targetRows() + " rows, "
                                    + c.targetSha256().substring(0, 16) + ")");
        }
        out.table(table);
        out.blank();
        out.line(String.format(
                Locale.ROOT,
                "Copied %,d rows from %s to %s in %.1f s (%,.0f rows/s).",
                rows,
                JdbcUrls.redact(from),
                JdbcUrls.redact(to),
                seconds,
                rows / Math.max(seconds, 1e-3)));
    }

    private static void requireCurrentSchema(Stratum source) {
        long pending =
                source.schema().status().stream().filter(s -> !s.applied()).count();
        if (pending > 0) {
            throw new InvalidInput(
                    "--from",
                    "its schema has " + pending
                            + " changeset(s) not applied; run 'stratum --url <source> migrate' first");
        }
    }

    /** Opening a missing SQLite file would create an empty one: a typo in --from must not do that. */
    private static void requireExistingSqliteFile(String url) {
        String prefix = "jdbc:sqlite:";
        if (!url.startsWith(prefix)) {
            return;
        }
        String name = url.substring(prefix.length()).replaceFirst("\\?.*$", "").replaceFirst("^file:", "");
        if (!name.isEmpty()
                && !name.equals(":memory:")
                && !url.contains("mode=memory")
                && !Files.exists(Path.of(name))) {
            throw new InvalidInput("--from", "no such SQLite database file: " + name);
        }
    }
}
