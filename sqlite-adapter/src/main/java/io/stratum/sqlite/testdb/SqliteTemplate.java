package io.stratum.sqlite.testdb;

import io.stratum.PoolSettings;
import io.stratum.Stratum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jooq.impl.DSL;

/**
 * The migrated SQLite database that every SQLite test starts from: migrated once per JVM (in memory) and
 * written to a temporary file with {@code VACUUM INTO}, so that a test's database is a file copy or a backup
 * restore instead of a Liquibase run.
 */
final class SqliteTemplate {
    private static Path file;

    private SqliteTemplate() {}

    /** Copies the template to {@code target}, which must not exist. */
    static void copyTo(Path target) throws IOException {
        Files.copy(file(), target);
    }

    /** Replaces the content of the in-memory database behind {@code db} with the template's. */
    static void restoreInto(Stratum db) {
        // sqlite-jdbc's "restore from" runs SQLite's online backup API from the file into this connection.
        try (Connection connection = db.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("restore from \"" + file() + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot restore the SQLite template into an in-memory database", e);
        }
    }

    private static synchronized Path file() {
        if (file == null) {
            try {
                Path directory = Files.createTempDirectory("stratum-template-");
                Path template = directory.resolve("template.db");
                try (Stratum db = Stratum.builder()
                        .url("jdbc:sqlite::memory:")
                        .pool(PoolSettings.defaults().withMaxSize(1))
                        .open()) {
                    db.migrate();
                    db.dsl()
                            .query("VACUUM INTO {0}", DSL.inline(template.toString()))
                            .execute();
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory), "stratum-sqlite-template"));
                file = template;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the SQLite template database", e);
            }
        }
        return file;
    }

    private static void delete(Path directory) {
        try {
            Files.deleteIfExists(directory.resolve("template.db"));
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // The JVM is exiting; a temporary file left behind is all that is lost.
        }
    }
}
