package io.stratum;

import java.util.List;

/**
 * What a rollback would undo, worked out without changing anything: see
 * {@link SchemaMigrations#planRollback(int)} and {@link SchemaMigrations#planRollbackToTag(String)}.
 *
 * @param changeSets Stratum's changesets it would roll back, as {@code id::author}, newest first
 * @param droppedTables the tables those changesets created, which the rollback drops with all their rows
 */
public record RollbackPlan(List<String> changeSets, List<String> droppedTables) {
    /** Copies the lists. */
    public RollbackPlan {
        changeSets = List.copyOf(changeSets);
        droppedTables = List.copyOf(droppedTables);
    }
}
