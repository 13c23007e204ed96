/**
 * Stratum's Liquibase changelog, {@code db/changelog/stratum-master.xml} and the files it includes. The
 * packages are open so that Liquibase can read them as class-path resources from the module path too.
 */
module io.stratum.migrations {
    opens db.changelog;
    opens db.changelog.changes;
}
