package io.stratum.internal.schema;

import io.stratum.SchemaMigrations;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Liquibase's record of applied changesets (the {@code databasechangelog} table) and the tables of a database,
 * read with plain JDBC: neither reading creates anything, which Liquibase's own history service would.
 */
final class ChangeLogHistory {
    static final String TABLE = "databasechangelog";
    static final String LOCK_TABLE = "databasechangeloglock";
    private static final String[] TABLE_TYPES = {
        "TABLE", "VIEW", "PARTITIONED TABLE", "FOREIGN TABLE", "MATERIALIZED VIEW"
    };

    /** One applied changeset; {@code tag} is null unless a tag was set on it. */
    record Ran(String id, String author, String file, String tag) {
        String key() {
            return id + "::" + author;
        }

        /** Whether Stratum's changelog wrote it, rather than an application sharing the history table. */
        boolean stratums() {
            return SchemaMigrations.AUTHOR.equals(author);
        }

        @Override
        public String toString() {
            return file + "::" + id + "::" + author;
        }
    }

    /** Where the history is: a schema of Stratum's own, or null for the connection's schema. */
    private final String schema;

    ChangeLogHistory(String schema) {
        this.schema = schema;
    }

    /** {@code table} in the schema the history is in, for a statement. */
    String qualified(String table) {
        return schema == null ? table : schema + "." + table;
    }

    /** Applied changesets in the order they ran (Liquibase's order); empty when there is no history table. */
    List<Ran> read(Connection connection) throws SQLException {
        List<Ran> ran = new ArrayList<>();
        String table = actualName(connection, TABLE);
        if (table == null) {
            return ran;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, author, filename, tag FROM " + qualified(table)
                        + " ORDER BY dateexecuted, orderexecuted")) {
            while (rows.next()) {
                ran.add(new Ran(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return ran;
    }

    /**
     * The name {@code table} (lower case) has in the history's schema, in the case the database stores it (Liquibase
     * creates upper-case history tables on MariaDB, whose table names are case-sensitive), or null when it does not
     * exist.
     */
    String actualName(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rows = meta.getTables(
                connection.getCatalog(), schema == null ? connection.getSchema() : schema, "%", TABLE_TYPES)) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME");
                if (name.equalsIgnoreCase(table)) {
                    return name;
                }
            }
        }
        return null;
    }

    /** Lower-cased names of the tables and views in the history's schema. */
    Set<String> tables(Connection connection) throws SQLException {
        Set<String> names = new TreeSet<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rows = meta.getTables(
                connection.getCatalog(), schema == null ? connection.getSchema() : schema, "%", TABLE_TYPES)) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
