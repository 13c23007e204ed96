package io.stratum.cli;

import io.stratum.MigrationFailed;
import io.stratum.PoolSettings;
import io.stratum.SchemaState;
import io.stratum.Stratum;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code stratum} command: global options and the list of subcommands. */
@Command(
        name = "stratum",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Durable task orchestration on SQLite, PostgreSQL and MariaDB.",
        footer = {
            "",
            "The database is --url, else $STRATUM_URL, else the SQLite file ./stratum.db (created and"
                    + " set up on first use while it is empty; 'stratum migrate' updates an existing schema)."
        },
        subcommands = {
            MigrateCommand.class,
            StatusCommand.class,
            RollbackCommand.class,
            SubmitCommand.class,
            ListCommand.class,
            ShowCommand.class,
            ClaimCommand.class,
            CompleteCommand.class,
            FailCommand.class,
            CancelCommand.class,
            RetryCommand.class,
            StatsCommand.class,
            TopCommand.class,
            MemoryCommand.class,
            CopyCommand.class,
            DashboardCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class
        })
final class StratumCommand {
    static final String DEFAULT_URL = "jdbc:sqlite:stratum.db";

    private final Map<String, String> env;

    @Option(
            names = "--url",
            paramLabel = "JDBC_URL",
            scope = ScopeType.INHERIT,
            order = 1,
            description = "Database, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres"
                    + " (default: $STRATUM_URL, else " + DEFAULT_URL + ").")
    private String url;

    @Option(
            names = "--json",
            scope = ScopeType.INHERIT,
            order = 2,
            description = "Print JSON instead of a table, for scripts.")
    private boolean json;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            order = 3,
            description = "Log more, and print stack traces of errors.")
    private boolean verbose;

    StratumCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The JDBC URL of the selected database. */
    String url() {
        if (url != null) {
            return url;
        }
        String fromEnv = env.get("STRATUM_URL");
        return fromEnv == null || fromEnv.isBlank() ? DEFAULT_URL : fromEnv;
    }

    boolean json() {
        return json;
    }

    boolean verbose() {
        return verbose;
    }

    /** Whether stderr is an interactive terminal, where progress is drawn as a bar. */
    boolean terminal() {
        return Progress.onTerminal(env);
    }

    /** Settings to open the selected database with. */
    Stratum.Builder builder(PoolSettings pool) {
        return Stratum.builder().url(url()).pool(pool);
    }

    /** Opens the selected database as it is, without migrating (for the schema commands). */
    Stratum open(PoolSettings pool) {
        return builder(pool).open();
    }

    /**
     * Opens the selected database with its schema up to date: creates the schema in a new, empty database (a new
     * SQLite file, say), and refuses one whose schema is missing or behind, which only {@code migrate} changes.
     */
    Stratum openMigrated(PoolSettings pool) {
        return openMigrated(builder(pool));
    }

    /** Opens the database {@code builder} describes as {@link #openMigrated(PoolSettings)} does. */
    Stratum openMigrated(Stratum.Builder builder) {
        Stratum db = builder.open();
        try {
            SchemaState schema = db.schema().state();
            if (!schema.upToDate()) {
                if (!schema.emptyDatabase()) {
                    throw new MigrationFailed(SchemaCheck.refusal(schema), null);
                }
                db.migrate();
            }
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
