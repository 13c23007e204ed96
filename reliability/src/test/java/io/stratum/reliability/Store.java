package io.stratum.reliability;

import io.stratum.testkit.tck.PostgresScratchDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** A backend configuration the suites run against: where a fresh database is, and what to clean up after. */
interface Store extends AutoCloseable {
    /** A URL of a new, empty database. */
    String freshUrl();

    @Override
    void close();

    static Store sqliteMemory() {
        return of(() -> "jdbc:sqlite::memory:", () -> { });
    }

    static Store sqliteFile(Path directory) {
        int[] counter = {0};
        return of(() -> "jdbc:sqlite:" + directory.resolve("db-" + ++counter[0] + ".db"), () -> { });
    }

    static Store postgres() {
        PostgresScratchDatabases server = new PostgresScratchDatabases();
        return of(server::freshUrl, server::close);
    }

    private static Store of(Supplier<String> urls, Runnable cleanup) {
        return new Store() {
            @Override
            public String freshUrl() {
                return urls.get();
            }

            @Override
            public void close() {
                cleanup.run();
            }
        };
    }

    static Path tempDirectory() {
        try {
            return Files.createTempDirectory("stratum-reliability");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
