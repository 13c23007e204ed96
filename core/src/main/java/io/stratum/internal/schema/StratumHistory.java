package io.stratum.internal.schema;

import io.stratum.JdbcUrls;
import io.stratum.MigrationFailed;
import io.stratum.RollbackPlan;
import io.stratum.SchemaState;
import io.stratum.internal.values.Text;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Stratum's view of Liquibase's history, read with plain JDBC and without starting Liquibase: which of this
 * version's changesets are applied, which belong to someone else, and what a rollback would undo.
 */
final class StratumHistory {
    private final DataSource dataSource;
    private final ChangeLogHistory history;
    /** Liquibase's name of the database (sqlite, postgresql, mariadb): changesets for others neither run nor count. */
    private final String databaseName;

    StratumHistory(DataSource dataSource, ChangeLogHistory history, String databaseName) {
        this.dataSource = dataSource;
        this.history = history;
        this.databaseName = databaseName;
    }

    SchemaState state() {
        try (Connection connection = dataSource.getConnection()) {
            Set<String> tables = history.tables(connection);
            List<ChangeLogHistory.Ran> ran = history.read(connection);
            Set<String> known = StratumChangeLog.keys(databaseName);
            Set<String> all = StratumChangeLog.keys();
            List<String> ours =
                    stratums(ran).stream().map(ChangeLogHistory.Ran::key).toList();
            // As migrate's name check: a table a pending changeset creates that exists already is someone else's.
            Set<String> clashes = new TreeSet<>();
            known.stream()
                    .filter(key -> !ours.contains(key))
                    .flatMap(key -> StratumChangeLog.tablesCreatedBy(key).stream())
                    .filter(table -> tables.contains(table.toLowerCase(Locale.ROOT)))
                    .forEach(clashes::add);
            return new SchemaState(
                    known.size(),
                    (int) ours.stream().filter(known::contains).count(),
                    ours.stream().filter(key -> !all.contains(key)).toList(),
                    ran.stream()
                            .filter(r -> !r.stratums())
                            .map(ChangeLogHistory.Ran::key)
                            .toList(),
                    tables.isEmpty(),
                    List.copyOf(clashes));
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    RollbackPlan planRollback(int count) {
        List<ChangeLogHistory.Ran> ran = stratums(read());
        return plan(ran.subList(Math.max(0, ran.size() - count), ran.size()));
    }

    RollbackPlan planRollbackToTag(String tag) {
        return plan(afterTag(stratums(read()), tag));
    }

    boolean databaseIsEmpty() {
        try (Connection connection = dataSource.getConnection()) {
            return history.tables(connection).isEmpty();
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** Stratum's changesets among {@code ran}, in the order they ran. */
    static List<ChangeLogHistory.Ran> stratums(List<ChangeLogHistory.Ran> ran) {
        return ran.stream().filter(ChangeLogHistory.Ran::stratums).toList();
    }

    /** The changesets applied after the last one that set {@code tag}, in the order they ran. */
    static List<ChangeLogHistory.Ran> afterTag(List<ChangeLogHistory.Ran> ran, String tag) {
        Text.required("tag", tag, 255);
        for (int i = ran.size() - 1; i >= 0; i--) {
            if (tag.equalsIgnoreCase(ran.get(i).tag())) {
                return ran.subList(i + 1, ran.size());
            }
        }
        throw new MigrationFailed(
                "rollback failed: no changeset applied to this database set the tag '" + tag + "'", null);
    }

    private static RollbackPlan plan(List<ChangeLogHistory.Ran> undone) {
        List<String> keys =
                undone.reversed().stream().map(ChangeLogHistory.Ran::key).toList();
        return new RollbackPlan(
                keys,
                keys.stream()
                        .flatMap(key -> StratumChangeLog.tablesCreatedBy(key).stream())
                        .toList());
    }

    private List<ChangeLogHistory.Ran> read() {
        try (Connection connection = dataSource.getConnection()) {
            return history.read(connection);
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    private static MigrationFailed unreadable(SQLException e) {
        return new MigrationFailed("cannot read the schema's history: " + JdbcUrls.redact(e.getMessage()), e);
    }
}
