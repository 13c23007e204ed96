package io.stratum.internal.schema;

import io.stratum.InvalidInput;
import io.stratum.JdbcUrls;
import io.stratum.MigrationFailed;
import io.stratum.RollbackPlan;
import io.stratum.SchemaMigrations;
import io.stratum.SchemaState;
import io.stratum.internal.values.Text;
import io.stratum.spi.Backend;
import io.stratum.spi.WriteGate;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.change.Change;
import liquibase.change.core.CreateTableChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.ChangeSetStatus;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaMigrations} on Liquibase's command API, with analytics off, no console output and Liquibase's log
 * sent to SLF4J. A migration refuses a database that already has tables of the names it would create, and one
 * that fails part-way rolls back what it had applied.
 */
public final class LiquibaseMigrations implements SchemaMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseMigrations.class);

    private final DataSource dataSource;
    private final WriteGate gate;
    private final Backend backend;
    /** A schema of Stratum's own, or null for the connection's schema. */
    private final String schema;

    private final ChangeLogHistory history;
    private final StratumHistory reads;
    private final MigrationUndo undo;

    public LiquibaseMigrations(DataSource dataSource, WriteGate gate, Backend backend, String schema) {
        this.dataSource = dataSource;
        this.gate = gate;
        this.backend = backend;
        this.schema = schema;
        this.history = new ChangeLogHistory(schema);
        this.reads = new StratumHistory(dataSource, history, backend.name());
        this.undo = new MigrationUndo(history);
    }

    @Override
    public void migrate() {
        List<ChangeLogHistory.Ran> applied = run("migrate", (connection, database) -> {
            createSchema(connection);
            // Tables before history: a changeset another process commits in between then shows in the history
            // read, never as a table without its history row.
            Set<String> tables = history.tables(connection);
            List<ChangeLogHistory.Ran> before = history.read(connection);
            DatabaseChangeLog changeLog = changeLog(database);
            refuseNameClashes(changeLog, tables, keys(before));
            refuseNewerSchema(database);
            try {
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                        // The default also prints the update summary on System.out, which is not a library's to use.
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                        .execute();
            } catch (Exception e) {
                throw undo.after(e, connection, database, before, tables);
            }
            Set<String> old = keys(before);
            return history.read(connection).stream()
                    .filter(r -> !old.contains(r.key()))
                    .toList();
        });
        applied.forEach(r -> LOG.info("applied changeset {}", r));
        long others = state().others().size();
        if (others > 0) {
            LOG.info("the history also records {} changeset(s) of other authors, left alone", others);
        }
        LOG.info(
                applied.isEmpty() ? "schema is up to date" : "schema migrated: {} changeset(s) applied",
                applied.size());
    }

    @Override
    public void rollback(int count) {
        requirePositive(count);
        run("rollback", (connection, database) -> {
            rollbackCount(database, count);
            return null;
        });
        LOG.info("rolled back {} changeset(s)", count);
    }

    /**
     * Rolls back the changesets applied after the one that set {@code tag}, as a count. Liquibase's own
     * rollback to a tag also rolls back a changeset that does nothing but set the tag (such as {@code v1-tag}
     * in Stratum's changelog), which leaves the schema without the tag it was rolled back to.
     */
    @Override
    public void rollbackToTag(String tag) {
        Text.required("tag", tag, 255);
        int count = run("rollback", (connection, database) -> {
            int after = StratumHistory.afterTag(StratumHistory.stratums(history.read(connection)), tag)
                    .size();
            if (after > 0) {
                rollbackCount(database, after);
            }
            return after;
        });
        LOG.info("rolled back {} changeset(s) to tag {}", count, tag);
    }

    @Override
    public RollbackPlan planRollback(int count) {
        requirePositive(count);
        return reads.planRollback(count);
    }

    @Override
    public RollbackPlan planRollbackToTag(String tag) {
        return reads.planRollbackToTag(tag);
    }

    @Override
    public SchemaState state() {
        return reads.state();
    }

    @Override
    public boolean databaseIsEmpty() {
        return reads.databaseIsEmpty();
    }

    @Override
    public List<ChangeSetState> status() {
        return run("status", (connection, database) -> {
            if (!history.tables(connection).contains(ChangeLogHistory.TABLE)) {
                // Liquibase's status would create its tables; a database without them has applied nothing.
                return changeLog(database).getChangeSets().stream()
                        .map(c -> new ChangeSetState(c.getId(), c.getAuthor(), c.getFilePath(), false, null))
                        .toList();
            }
            @SuppressWarnings("deprecation") // the command API has no structured status result
            Liquibase liquibase = new Liquibase(CHANGELOG, resources(), database);
            List<ChangeSetStatus> statuses = liquibase.getChangeSetStatuses(new Contexts(), new LabelExpression());
            // Liquibase also reports changesets that ran but are not in the changelog: an application's.
            return statuses.stream()
                    .filter(s -> AUTHOR.equals(s.getChangeSet().getAuthor()))
                    .map(s -> new ChangeSetState(
                            s.getChangeSet().getId(),
                            s.getChangeSet().getAuthor(),
                            s.getChangeSet().getFilePath(),
                            s.getPreviouslyRan(),
                            s.getDateLastExecuted() == null
                                    ? null
                                    : s.getDateLastExecuted().toInstant()))
                    .toList();
        });
    }

    private static void requirePositive(int count) {
        if (count < 1) {
            throw new InvalidInput("count", count + " must be at least 1");
        }
    }

    static void rollbackCount(Database database, int count) throws Exception {
        new CommandScope(RollbackCountCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, count)
                .execute();
    }

    private static DatabaseChangeLog changeLog(Database database) throws LiquibaseException {
        return ChangeLogParserFactory.getInstance()
                .getParser(CHANGELOG, resources())
                .parse(CHANGELOG, new ChangeLogParameters(database), resources());
    }

    /**
     * A table that a pending changeset would create but that exists already belongs to something else (an
     * application sharing the database, say): migrating would fail on it part-way, so nothing is started.
     */
    private static void refuseNameClashes(DatabaseChangeLog changeLog, Set<String> tables, Set<String> applied) {
        Set<String> clashes = new TreeSet<>();
        for (ChangeSet changeSet : changeLog.getChangeSets()) {
            if (applied.contains(changeSet.getId() + "::" + changeSet.getAuthor())) {
                continue;
            }
            for (Change change : changeSet.getChanges()) {
                if (change instanceof CreateTableChange create
                        && tables.contains(create.getTableName().toLowerCase(Locale.ROOT))) {
                    clashes.add(create.getTableName());
                }
            }
        }
        if (!clashes.isEmpty()) {
            throw new MigrationFailed(
                    "migrate refused: the database already has table(s) " + String.join(", ", clashes)
                            + " that are not Stratum's and that Stratum would create; nothing was changed: use a database"
                            + " (or schema) of Stratum's own",
                    null);
        }
    }

    /**
     * A database that holds Stratum changesets this changelog does not know was migrated by a newer Stratum: running
     * older code against it could corrupt data the newer schema relies on, so it is refused. Liquibase's check
     * also creates its tables under its lock, before the update, which concurrent migrations of one new SQLite
     * file rely on (the update itself would race to create them).
     */
    @SuppressWarnings("deprecation") // the command API has no structured result for unexpected changesets
    private static void refuseNewerSchema(Database database) throws Exception {
        List<RanChangeSet> unknown = new Liquibase(CHANGELOG, resources(), database)
                .listUnexpectedChangeSets(new Contexts(), new LabelExpression()).stream()
                        .filter(ran -> AUTHOR.equals(ran.getAuthor()))
                        .toList();
        if (!unknown.isEmpty()) {
            String ids = unknown.stream()
                    .map(c -> c.getId() + " (" + c.getChangeLog() + ")")
                    .collect(Collectors.joining(", "));
            throw new MigrationFailed(
                    "the database schema is newer than this version of Stratum: it has "
                            + unknown.size() + " changeset(s) this version does not know: " + ids
                            + "; upgrade Stratum, or roll those changesets back with the newer version",
                    null);
        }
    }

    /** Stratum's own schema, when it has one, exists before Liquibase looks for its tables in it. */
    private void createSchema(Connection connection) throws SQLException {
        if (schema == null) {
            return;
        }
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private Database liquibaseDatabase(Connection connection) throws LiquibaseException {
        Database database =
                DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        if (schema != null) {
            database.setDefaultSchemaName(schema);
            database.setLiquibaseSchemaName(schema);
        }
        return database;
    }

    private interface LiquibaseWork<T> {
        T run(Connection connection, Database database) throws Exception;
    }

    private <T> T run(String operation, LiquibaseWork<T> work) {
        return gate.exclusive(() -> {
            try (Connection connection = dataSource.getConnection();
                    Backend.MigrationSession prepared = backend.prepareForMigration(connection)) {
                Map<String, Object> scope = new HashMap<>();
                scope.put(Scope.Attr.logService.name(), new Slf4jLogService());
                scope.put(Scope.Attr.resourceAccessor.name(), resources());
                scope.put(Scope.Attr.ui.name(), new LoggerUIService());
                scope.put("liquibase.analytics.enabled", Boolean.FALSE);
                return Scope.child(scope, () -> work.run(connection, liquibaseDatabase(connection)));
            } catch (MigrationFailed e) {
                throw e;
            } catch (SQLException e) {
                throw new MigrationFailed(operation + " failed: cannot connect: " + JdbcUrls.redact(e.getMessage()), e);
            } catch (Exception e) {
                throw new MigrationFailed(operation + " failed: " + JdbcUrls.redact(FailureLines.rootMessage(e)), e);
            }
        });
    }

    static Set<String> keys(List<ChangeLogHistory.Ran> ran) {
        return ran.stream().map(ChangeLogHistory.Ran::key).collect(Collectors.toSet());
    }

    private static ClassLoaderResourceAccessor resources() {
        return new ClassLoaderResourceAccessor(LiquibaseMigrations.class.getClassLoader());
    }
}
