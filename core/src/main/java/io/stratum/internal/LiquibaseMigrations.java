package io.stratum.internal;

import io.stratum.InvalidInput;
import io.stratum.MigrationFailed;
import io.stratum.SchemaMigrations;
import io.stratum.spi.Backend;
import io.stratum.spi.WriteGate;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.ChangeSetStatus;
import liquibase.changelog.RanChangeSet;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCommandStep;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link SchemaMigrations} on Liquibase's command API, with analytics off and no console output. */
public final class LiquibaseMigrations implements SchemaMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseMigrations.class);

    private final DataSource dataSource;
    private final WriteGate gate;
    private final Backend backend;

    public LiquibaseMigrations(DataSource dataSource, WriteGate gate, Backend backend) {
        this.dataSource = dataSource;
        this.gate = gate;
        this.backend = backend;
    }

    @Override
    public void migrate() {
        List<ChangeLogHistory.Ran> applied = run("migrate", (connection, database) -> {
            refuseNewerSchema(database);
            Set<String> before = keys(ChangeLogHistory.read(connection));
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    // The default also prints the update summary on System.out, which is not a library's to use.
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .execute();
            return ChangeLogHistory.read(connection).stream().filter(r -> !before.contains(r.key())).toList();
        });
        applied.forEach(r -> LOG.info("applied changeset {}", r));
        LOG.info(applied.isEmpty() ? "schema is up to date" : "schema migrated: {} changeset(s) applied", applied.size());
    }

    @Override
    public void rollback(int count) {
        if (count < 1) {
            throw new InvalidInput("count", count + " must be at least 1");
        }
        run("rollback", (connection, database) -> {
            new CommandScope(RollbackCountCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, count)
                    .execute();
            return null;
        });
        LOG.info("rolled back {} changeset(s)", count);
    }

    @Override
    public void rollbackToTag(String tag) {
        Text.required("tag", tag, 255);
        run("rollback", (connection, database) -> {
            new CommandScope(RollbackCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .addArgumentValue(RollbackCommandStep.TAG_ARG, tag)
                    .execute();
            return null;
        });
        LOG.info("rolled back to tag {}", tag);
    }

    @Override
    public List<ChangeSetState> status() {
        return run("status", (connection, database) -> {
            @SuppressWarnings("deprecation") // the command API has no structured status result
            Liquibase liquibase = new Liquibase(CHANGELOG, resources(), database);
            List<ChangeSetStatus> statuses = liquibase.getChangeSetStatuses(new Contexts(), new LabelExpression());
            return statuses.stream()
                    .map(s -> new ChangeSetState(s.getChangeSet().getId(), s.getChangeSet().getAuthor(),
                            s.getChangeSet().getFilePath(), s.getPreviouslyRan(),
                            s.getDateLastExecuted() == null ? null : s.getDateLastExecuted().toInstant()))
                    .toList();
        });
    }

    /**
     * A database that holds changesets this changelog does not know was migrated by a newer Stratum: running
     * older code against it could corrupt data the newer schema relies on, so it is refused.
     */
    @SuppressWarnings("deprecation") // the command API has no structured result for unexpected changesets
    private static void refuseNewerSchema(Database database) throws Exception {
        Collection<RanChangeSet> unknown = new Liquibase(CHANGELOG, resources(), database)
                .listUnexpectedChangeSets(new Contexts(), new LabelExpression());
        if (!unknown.isEmpty()) {
            String ids = unknown.stream().map(c -> c.getId() + " (" + c.getChangeLog() + ")")
                    .collect(Collectors.joining(", "));
            throw new MigrationFailed("the database schema is newer than this version of Stratum: it has "
                    + unknown.size() + " changeset(s) this version does not know: " + ids
                    + "; upgrade Stratum, or roll those changesets back with the newer version", null);
        }
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
                return Scope.child(scope, () -> work.run(connection, DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection))));
            } catch (MigrationFailed e) {
                throw e;
            } catch (SQLException e) {
                throw new MigrationFailed(operation + " failed: cannot connect: " + JdbcUrls.redact(e.getMessage()), e);
            } catch (Exception e) {
                throw new MigrationFailed(operation + " failed: " + JdbcUrls.redact(rootMessage(e)), e);
            }
        });
    }

    private static Set<String> keys(List<ChangeLogHistory.Ran> ran) {
        return ran.stream().map(ChangeLogHistory.Ran::key).collect(Collectors.toSet());
    }

    private static ClassLoaderResourceAccessor resources() {
        return new ClassLoaderResourceAccessor(LiquibaseMigrations.class.getClassLoader());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return e == root ? message : e.getMessage() + " (cause: " + message + ")";
    }
}
