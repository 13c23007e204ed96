package io.stratum;

import java.util.List;

/**
 * The schema's Liquibase changelog ({@value #CHANGELOG}, shipped in the stratum-migrations jar), applied
 * and rolled back through Liquibase itself. The same changelog works with the stock Liquibase command line.
 * Liquibase's lock table makes concurrent {@link #migrate()} calls from several processes safe: one
 * applies, the others wait and then find nothing to do.
 */
public interface SchemaMigrations {
    /** Class-path location of the master changelog. */
    String CHANGELOG = "db/changelog/stratum-master.xml";

    /**
     * Applies every pending changeset; does nothing when the schema is current. Refuses, before changing
     * anything, a database that already has a table a pending changeset would create; if a changeset fails, the
     * changesets this call applied are rolled back before {@link MigrationFailed} is thrown.
     */
    void migrate();

    /** Rolls back the {@code count} most recently applied changesets. */
    void rollback(int count);

    /**
     * Rolls back every changeset applied after the one that set {@code tag}; that changeset stays applied, so
     * the tag stays too.
     */
    void rollbackToTag(String tag);

    /**
     * Whether the database has no tables or views at all: a new database, in which creating Stratum's schema
     * cannot disturb anyone else's. Reads the database's metadata only and creates nothing.
     */
    boolean databaseIsEmpty();

    /** Every changeset of the changelog, in order, with whether and when it was applied. */
    List<ChangeSetState> status();

    /** One changeset and its state in this database. */
    record ChangeSetState(String id, String author, String file, boolean applied, java.time.Instant appliedAt) {
    }
}
