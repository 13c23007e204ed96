package io.stratum.sqlite;

import io.stratum.testkit.tck.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Every URL is a new database file in a temporary directory removed on close. */
final class SqliteFileDatabases implements TestDatabase {
    private final Path directory;
    private final AtomicInteger counter = new AtomicInteger();

    SqliteFileDatabases() {
        try {
            directory = Files.createTempDirectory("stratum-sqlite-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String freshUrl() {
        return "jdbc:sqlite:" + directory.resolve("db-" + counter.incrementAndGet() + ".db");
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
