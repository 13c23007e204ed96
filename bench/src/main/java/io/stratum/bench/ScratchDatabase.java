package io.stratum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database that exists for one contender of one workload: a new SQLite file (deleted with its WAL
 * afterwards) or a new PostgreSQL database on the server of the admin URL (dropped afterwards), empty or a
 * copy of a template.
 */
final class ScratchDatabase implements AutoCloseable {
    private final BackendKind kind;
    private final String url;
    private final Runnable drop;

    private ScratchDatabase(BackendKind kind, String url, Runnable drop) {
        this.kind = kind;
        this.url = url;
        this.drop = drop;
    }

    static ScratchDatabase create(BackendKind kind, Path directory, String postgresAdminUrl) {
        return copy(kind, directory, postgresAdminUrl, null);
    }

    /** A new database with the content of {@code template} (which nobody may be connected to), or empty. */
    static ScratchDatabase copy(BackendKind kind, Path directory, String postgresAdminUrl, ScratchDatabase template) {
        String name = "stratum_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return switch (kind) {
            case SQLITE -> {
                Path file = directory.resolve(name + ".db");
                if (template != null) {
                    copyFile(template.file(), file);
                }
                yield new ScratchDatabase(kind, "jdbc:sqlite:" + file, () -> deleteSqlite(file));
            }
            case POSTGRESQL -> {
                execute(postgresAdminUrl, "CREATE DATABASE " + name
                        + (template == null ? "" : " TEMPLATE " + template.postgresName()));
                yield new ScratchDatabase(kind, withDatabase(postgresAdminUrl, name),
                        () -> execute(postgresAdminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
            }
        };
    }

    BackendKind kind() {
        return kind;
    }

    String url() {
        return url;
    }

    @Override
    public void close() {
        drop.run();
    }

    private Path file() {
        return Path.of(url.substring("jdbc:sqlite:".length()));
    }

    private String postgresName() {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.substring(base.lastIndexOf('/') + 1);
    }

    /** {@code url} pointing at database {@code name}, its other parameters kept. */
    static String withDatabase(String url, String name) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + name + params;
    }

    private static void execute(String adminUrl, String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("'" + sql + "' failed: " + e.getMessage(), e);
        }
    }

    private static void copyFile(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy " + from, e);
        }
    }

    private static void deleteSqlite(Path file) {
        try {
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + file, e);
        }
    }
}
