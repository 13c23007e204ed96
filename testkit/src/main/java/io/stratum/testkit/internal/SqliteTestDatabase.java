package io.stratum.testkit.internal;

import io.stratum.Stratum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * SQLite: a private in-memory database restored from the {@link SqliteTemplate}, or a copy of the template
 * file in a directory of its own, deleted with its WAL files afterwards.
 */
final class SqliteTestDatabase implements TestDatabase {
    private static final String MEMORY = "jdbc:sqlite::memory:";

    private final String url;
    private final Path directory;

    private SqliteTestDatabase(String url, Path directory) {
        this.url = url;
        this.directory = directory;
    }

    static SqliteTestDatabase memory() {
        return new SqliteTestDatabase(MEMORY, null);
    }

    static SqliteTestDatabase file() {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("stratum-test-");
            Path file = directory.resolve("stratum.db");
            SqliteTemplate.copyTo(file);
            return new SqliteTestDatabase("jdbc:sqlite:" + file, directory);
        } catch (IOException e) {
            if (directory != null) {
                deleteQuietly(directory, e);
            }
            throw new UncheckedIOException("cannot create a SQLite test database file", e);
        }
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public void fill(Stratum db) {
        if (directory == null) {
            SqliteTemplate.restoreInto(db);
        }
    }

    @Override
    public void close() {
        if (directory != null) {
            try {
                delete(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the SQLite test database in " + directory, e);
            }
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
