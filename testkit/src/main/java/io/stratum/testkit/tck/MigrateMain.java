package io.stratum.testkit.tck;

import io.stratum.Stratum;

/** Child process of {@link ConcurrentMigrationContract}: migrates the database at args[0] and exits 0 on success. */
public final class MigrateMain {
    private MigrateMain() {
    }

    public static void main(String[] args) {
        try (Stratum db = Stratum.open(args[0])) {
            db.migrate();
        } catch (RuntimeException e) {
            System.err.println("migrate failed: " + e);
            System.exit(1);
        }
    }
}
