package io.stratum.sqlite;

import io.stratum.InvalidInput;
import java.nio.file.Path;

/**
 * Where a {@code jdbc:sqlite:} URL points: a file, or an in-memory database. Every in-memory URL
 * ({@code jdbc:sqlite::memory:}, {@code jdbc:sqlite:}, or one with {@code mode=memory}) gets a database of
 * its own, held by a single pooled connection, that lives as long as the Stratum instance.
 */
record SqliteLocation(String url, Path path, boolean inMemory) {
    static final String PREFIX = "jdbc:sqlite:";

    static SqliteLocation parse(String jdbcUrl) {
        String rest = jdbcUrl.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String name = query < 0 ? rest : rest.substring(0, query);
        if (name.isEmpty() || name.equals(":memory:") || rest.contains("mode=memory")) {
            return new SqliteLocation(PREFIX + ":memory:", null, true);
        }
        String file = name.startsWith("file:") ? name.substring("file:".length()) : name;
        if (file.isBlank()) {
            throw new InvalidInput("url", "SQLite URL names no file");
        }
        return new SqliteLocation(jdbcUrl, Path.of(file).toAbsolutePath().normalize(), false);
    }
}
