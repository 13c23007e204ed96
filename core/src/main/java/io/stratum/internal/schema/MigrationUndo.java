package io.stratum.internal.schema;

import io.stratum.JdbcUrls;
import io.stratum.MigrationFailed;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import liquibase.database.Database;

/** Puts a database back as it was when a migration fails part-way. */
final class MigrationUndo {
    private final ChangeLogHistory history;

    MigrationUndo(ChangeLogHistory history) {
        this.history = history;
    }

    /**
     * After a failed update: rolls back the changesets this update applied (every changeset has a rollback), and
     * drops Liquibase's tables if this update created them, so that the database is as it was before.
     */
    MigrationFailed after(
            Exception failure,
            Connection connection,
            Database database,
            List<ChangeLogHistory.Ran> before,
            Set<String> tablesBefore) {
        String cause = "migrate failed: " + JdbcUrls.redact(FailureLines.rootMessage(failure));
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            Set<String> old = LiquibaseMigrations.keys(before);
            int applied = (int) history.read(connection).stream()
                    .filter(r -> !old.contains(r.key()))
                    .count();
            if (applied > 0) {
                LiquibaseMigrations.rollbackCount(database, applied);
            }
            if (applied > 0) {
                // Liquibase's tables are this run's to drop only if it created them and used them: a concurrent
                // migration may have created them in the meantime.
                dropUnlessPresentBefore(connection, tablesBefore);
            }
            return new MigrationFailed(
                    cause
                            + (applied == 0
                                    ? "; nothing had been applied"
                                    : "; the " + applied
                                            + " changeset(s) it had applied were rolled back, the database is as it was"),
                    failure);
        } catch (Exception undoFailure) {
            failure.addSuppressed(undoFailure);
            return new MigrationFailed(
                    cause + "; rolling back what it had applied failed too ("
                            + JdbcUrls.redact(FailureLines.rootMessage(undoFailure)) + "): see 'status'",
                    failure);
        }
    }

    private void dropUnlessPresentBefore(Connection connection, Set<String> tablesBefore) throws SQLException {
        if (!history.read(connection).isEmpty()) {
            return;
        }
        for (String table : List.of(ChangeLogHistory.LOCK_TABLE, ChangeLogHistory.TABLE)) {
            String actual = tablesBefore.contains(table) ? null : history.actualName(connection, table);
            if (actual != null) {
                try (Statement drop = connection.createStatement()) {
                    drop.execute("DROP TABLE " + history.qualified(actual));
                }
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
