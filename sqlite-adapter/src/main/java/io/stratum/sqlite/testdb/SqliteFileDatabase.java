package io.stratum.sqlite.testdb;

import io.stratum.spi.TestDatabaseService.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A SQLite database file in a temporary directory of its own, deleted with its WAL files on close. */
final class SqliteFileDatabase implements TestDatabase {
    private final Path directory;
    private final Path file;

    private SqliteFileDatabase(Path directory) {
        this.directory = directory;
        this.file = directory.resolve("stratum.db");
    }

    /** A new file, empty or a copy of the migrated {@link SqliteTemplate}. */
    static SqliteFileDatabase create(boolean fromTemplate) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("stratum-test-");
            SqliteFileDatabase database = new SqliteFileDatabase(directory);
            if (fromTemplate) {
                SqliteTemplate.copyTo(database.file);
            }
            return database;
        } catch (IOException e) {
            if (directory != null) {
                deleteQuietly(directory, e);
            }
            throw new UncheckedIOException("cannot create a SQLite test database file", e);
        }
    }

    @Override
    public String url() {
        return "jdbc:sqlite:" + file;
    }

    @Override
    public void close() {
        try {
            delete(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the SQLite test database in " + directory, e);
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void deleteQuietly(Path directory, IOException pending) {
        try {
            delete(directory);
        } catch (IOException e) {
            pending.addSuppressed(e);
        }
    }
}
