package io.stratum;

import java.util.List;

/**
 * The schema's Liquibase changelog ({@value #CHANGELOG}, shipped in the stratum-migrations jar), applied
 * and rolled back through Liquibase itself. The same changelog works with the stock Liquibase command line.
 * Liquibase's lock table makes concurrent {@link #migrate()} calls from several processes safe: one
 * applies, the others wait and then find nothing to do.
 *
 * <p>The database may hold other changesets beside Stratum's, in the same history table: an application's
 * changelog that includes Stratum's, applied by the stock Liquibase command line or by {@link #migrate()} in either
 * order. Stratum's changesets are those of author {@value #AUTHOR} (reserved for them); every operation here counts,
 * applies and rolls back only those, and leaves the others alone.
 */
public interface SchemaMigrations {
    /** Class-path location of the master changelog. */
    String CHANGELOG = "db/changelog/stratum-master.xml";

    /** The author of every changeset of Stratum's changelog, and of no other. */
    String AUTHOR = "stratum";

    /**
     * Applies every pending changeset; does nothing when the schema is current. Refuses, before changing
     * anything, a database that already has a table a pending changeset would create, and one that holds Stratum
     * changesets this version does not know (a newer Stratum migrated it); if a changeset fails, the
     * changesets this call applied are rolled back before {@link MigrationFailed} is thrown.
     */
    void migrate();

    /** Rolls back the {@code count} most recently applied of Stratum's changesets. */
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

    /** Every changeset of Stratum's changelog, in order, with whether and when it was applied. */
    List<ChangeSetState> status();

    /**
     * Where the database stands against this version's changelog, from one read of the history table: cheap
     * enough to check before every use of a database.
     */
    SchemaState state();

    /** What {@link #rollback(int)} with {@code count} would undo; changes nothing. */
    RollbackPlan planRollback(int count);

    /**
     * What {@link #rollbackToTag(String)} would undo; changes nothing.
     *
     * @throws MigrationFailed if no applied changeset of Stratum's set {@code tag}
     */
    RollbackPlan planRollbackToTag(String tag);

    /** One changeset and its state in this database. */
    record ChangeSetState(String id, String author, String file, boolean applied, java.time.Instant appliedAt) {}
}
