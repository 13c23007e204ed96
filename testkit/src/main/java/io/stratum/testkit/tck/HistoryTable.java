package io.stratum.testkit.tck;

import io.stratum.Stratum;
import java.sql.ResultSet;
import java.util.Locale;

/**
 * Liquibase's history table of a store, by the name the database gave it: Liquibase's default differs in case
 * between databases ({@code databasechangelog} on PostgreSQL and SQLite, {@code DATABASECHANGELOG} on MariaDB,
 * where table names can be case-sensitive).
 */
final class HistoryTable {
    private static final String NAME = "databasechangelog";

    private HistoryTable() {}

    static String of(Stratum store) {
        return store.dsl().connectionResult(connection -> {
            try (ResultSet tables = connection
                    .getMetaData()
                    .getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    String name = tables.getString("TABLE_NAME");
                    if (name.toLowerCase(Locale.ROOT).equals(NAME)) {
                        return name;
                    }
                }
            }
            throw new AssertionError("no Liquibase history table in the store's schema");
        });
    }
}
