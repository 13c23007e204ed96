package io.stratum;

import java.util.List;

/**
 * Where a database stands against the changelog of this version of Stratum, read from Liquibase's history table
 * with one query, without starting Liquibase or taking its lock.
 *
 * <p>Stratum's changesets are those of author {@value SchemaMigrations#AUTHOR}; every other changeset in the same
 * history belongs to someone else (an application whose changelog includes Stratum's, say) and is listed in
 * {@link #others()}: Stratum never counts, runs or rolls those back.
 *
 * @param known changesets in this version's changelog
 * @param applied how many of those the database records as applied
 * @param newer Stratum's changesets the database records but this version does not know, as {@code id::author}: a
 *     newer Stratum migrated the database, and this version refuses it
 * @param others changesets of other authors the database records, as {@code id::author}, in the order they ran
 * @param emptyDatabase whether the database has no tables or views at all (then nothing is applied either)
 * @param clashes tables that a pending changeset would create but that exist already, someone else's: a migration
 *     refuses the database while there are any ({@link SchemaMigrations#migrate()} names them)
 */
public record SchemaState(
        int known, int applied, List<String> newer, List<String> others, boolean emptyDatabase, List<String> clashes) {
    /** Copies the lists. */
    public SchemaState {
        newer = List.copyOf(newer);
        others = List.copyOf(others);
        clashes = List.copyOf(clashes);
    }

    /** A state without clashing tables. */
    public SchemaState(int known, int applied, List<String> newer, List<String> others, boolean emptyDatabase) {
        this(known, applied, newer, others, emptyDatabase, List.of());
    }

    /** How many of this version's changesets are not applied yet. */
    public int pending() {
        return known - applied;
    }

    /** Every changeset of this version is applied, and none of a newer one. */
    public boolean upToDate() {
        return applied == known && newer.isEmpty();
    }
}
