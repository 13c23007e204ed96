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
        run("migrate", database -> {
            refuseNewerSchema(database);
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    // The default also prints the update summary on System.out, which is not a library's to use.
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .execute();
            return null;
        });
        LOG.info("schema is up to date");
    }

    @Override
    public void rollback(int count) {
        if (count < 1) {
            throw new InvalidInput("count", count + " must be at least 1");
        }
        run("rollback", database -> {
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
        run("rollback", database -> {
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
        return run("status", database -> {
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
        T run(Database database) throws Exception;
    }

    private <T> T run(String operation, LiquibaseWork<T> work) {
        return gate.exclusive(() -> {
            try (Connection connection = dataSource.getConnection();
                 Backend.MigrationSession prepared = backend.prepareForMigration(connection)) {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                Map<String, Object> scope = new HashMap<>();
                scope.put(Scope.Attr.resourceAccessor.name(), resources());
                scope.put(Scope.Attr.ui.name(), new LoggerUIService());
                scope.put("liquibase.analytics.enabled", Boolean.FALSE);
                return Scope.child(scope, () -> work.run(database));
            } catch (MigrationFailed e) {
                throw e;
            } catch (SQLException e) {
                throw new MigrationFailed(operation + " failed: cannot connect: " + JdbcUrls.redact(e.getMessage()), e);
            } catch (Exception e) {
                throw new MigrationFailed(operation + " failed: " + JdbcUrls.redact(rootMessage(e)), e);
            }
        });
    }

    private static ClassLoaderResourceAccessor resources() {
        return new ClassLoaderResourceAccessor(LiquibaseMigrations.class.getClassLoader());
    }

    /**
     * What went wrong, in the words of the exceptions that say it: the first message in the cause chain that is
     * not just its cause's {@code toString()} (which names the cause's class), followed by the root cause's
     * message when that adds something.
     */
    private static String rootMessage(Throwable e) {
        Throwable first = e;
        while (first.getCause() != null && first.getCause() != first
                && (first.getMessage() == null || first.getMessage().equals(first.getCause().toString()))) {
            first = first.getCause();
        }
        Throwable root = first;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = first.getMessage() != null ? first.getMessage() : "no reason given";
        return root == first || root.getMessage() == null || message.contains(root.getMessage()) ? message
                : message + " (cause: " + root.getMessage() + ")";
    }
}
