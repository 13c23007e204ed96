package io.stratum.cli;

import io.stratum.testkit.tck.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** SQLite database files in a temporary directory of their own. */
final class SqliteFiles implements TestDatabase {
    private final Path directory;
    private int next;

    SqliteFiles() {
        try {
            directory = Files.createTempDirectory("stratum-cli-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String freshUrl() {
        return "jdbc:sqlite:" + directory.resolve("db" + (next++) + ".db");
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
