package com.example.shop;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.changelog.FastCheckService;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * The shop's schema: its master changelog includes Stratum's, so one Liquibase update applies whatever is missing
 * of both. Stratum recognises its changesets in the shared history and leaves the shop's alone.
 */
public final class ShopSchema {
    public static final String CHANGELOG = "db/shop/changelog.xml";

    private ShopSchema() {}

    /** Applies every pending changeset of the shop's changelog, Stratum's included. */
    public static void migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            // Liquibase remembers for the rest of the JVM that the database at a URL was up to date; every in-memory
            // SQLite database has the same URL, so a new one would be taken for migrated.
            Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
            Scope.child(
                    Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(),
                    () -> new CommandScope("update")
                            .addArgumentValue("database", database)
                            .addArgumentValue("changelogFile", CHANGELOG)
                            .execute());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to migrate the shop's schema", e);
        } catch (Exception e) {
            throw new IllegalStateException("migrating the shop's schema failed", e);
        }
    }
}
