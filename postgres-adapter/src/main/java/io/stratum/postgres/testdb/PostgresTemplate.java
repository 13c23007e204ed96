package io.stratum.postgres.testdb;

import io.stratum.JdbcUrls;
import io.stratum.PoolSettings;
import io.stratum.Stratum;
import io.stratum.StratumException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A migrated template database on one PostgreSQL server, and the test databases cloned from it with
 * {@code CREATE DATABASE ... TEMPLATE}. No connection to the template stays open once it is migrated: it is
 * closed to connections ({@code ALLOW_CONNECTIONS false}), since PostgreSQL refuses to copy a database
 * anyone is connected to. Clones are created one at a time per template, and retried while a connection
 * that was just closed has not left the server yet; they are dropped in the background ({@link BackgroundDrops}).
 */
final class PostgresTemplate implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresTemplate.class);
    private static final String OBJECT_IN_USE = "55006";
    private static final int CREATE_ATTEMPTS = 10;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    private static final PoolSettings ADMIN_POOL =
            PoolSettings.defaults().withMaxSize(BackgroundDrops.THREADS + 1).withMinIdle(0);

    private final String serverUrl;
    private final Stratum admin;
    private final String name;
    private final ReentrantLock creation = new ReentrantLock();
    private final BackgroundDrops drops = new BackgroundDrops();

    private PostgresTemplate(String serverUrl, Stratum admin, String name) {
        this.serverUrl = serverUrl;
        this.admin = admin;
        this.name = name;
    }

    /** Creates and migrates a template database on the server that {@code serverUrl} connects to. */
    static PostgresTemplate create(String serverUrl) {
        long start = System.nanoTime();
        Stratum admin = Stratum.builder().url(serverUrl).pool(ADMIN_POOL).open();
        PostgresTemplate template = new PostgresTemplate(serverUrl, admin, newName("stratum_template_"));
        try {
            template.execute("CREATE DATABASE {0}", template.name);
            try (Stratum db = Stratum.builder()
                    .url(JdbcUrls.withDatabase(serverUrl, template.name))
                    .pool(PoolSettings.defaults().withMaxSize(1).withMinIdle(0))
                    .open()) {
                db.migrate();
            }
            template.execute("ALTER DATABASE {0} WITH ALLOW_CONNECTIONS false", template.name);
        } catch (RuntimeException e) {
            try {
                template.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        LOG.info(
                "migrated template database {} on {} in {} ms",
                template.name,
                JdbcUrls.redact(serverUrl),
                (System.nanoTime() - start) / 1_000_000);
        return template;
    }

    /** Creates a database from the template and returns its name. */
    String createDatabase() {
        String database = newName("stratum_test_");
        creation.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    execute("CREATE DATABASE {0} TEMPLATE {1}", database, name);
                    return database;
                } catch (StratumException e) {
                    if (attempt == CREATE_ATTEMPTS || !OBJECT_IN_USE.equals(sqlState(e))) {
                        throw e;
                    }
                    LOG.debug("template {} still in use, attempt {} to create {}", name, attempt, database);
                    pause();
                }
            }
        } finally {
            creation.unlock();
        }
    }

    /**
     * Drops a database created by {@link #createDatabase()} in the background, disconnecting whoever is still
     * connected to it.
     */
    void dropDatabase(String database) {
        drops.submit(database, () -> drop(database));
    }

    /** Waits until every database handed to {@link #dropDatabase(String)} is gone. */
    void awaitDrops() {
        drops.awaitAll();
    }

    /** Name of the template database. */
    String name() {
        return name;
    }

    /** JDBC URL of {@code database} on this template's server. */
    String url(String database) {
        return JdbcUrls.withDatabase(serverUrl, database);
    }

    /** Waits for the pending drops, drops the template and closes the admin connections. */
    @Override
    public void close() {
        try {
            drops.close();
            drop(name);
        } finally {
            admin.close();
        }
    }

    private void drop(String database) {
        execute("DROP DATABASE IF EXISTS {0} WITH (FORCE)", database);
    }

    private void execute(String sql, String... databases) {
        Object[] names = new Object[databases.length];
        for (int i = 0; i < databases.length; i++) {
            names[i] = DSL.name(databases[i]);
        }
        admin.dsl().query(sql, names).execute();
    }

    /** {@code prefix} followed by 16 random hexadecimal digits. */
    static String newName(String prefix) {
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        return prefix + HexFormat.of().formatHex(random);
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to create a test database", e);
        }
    }
}
