package io.stratum.mariadb.testdb;

import io.stratum.JdbcUrls;
import io.stratum.PoolSettings;
import io.stratum.Stratum;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A migrated template database on one MariaDB server, and the test databases copied from it. MariaDB cannot copy a
 * database, so a copy replays the template's {@code SHOW CREATE TABLE} statements (foreign key checks off, so
 * that their order does not matter) and copies Liquibase's history rows: a dozen statements, several times quicker
 * than running the changelog.
 */
final class MariaDbTemplate implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MariaDbTemplate.class);

    private final String serverUrl;
    private final String name;
    private final List<String> tables;
    private final List<String> createStatements;

    private MariaDbTemplate(String serverUrl, String name, List<String> tables, List<String> createStatements) {
        this.serverUrl = serverUrl;
        this.name = name;
        this.tables = tables;
        this.createStatements = createStatements;
    }

    /** Creates and migrates a template database on the server that {@code serverUrl} connects to. */
    static MariaDbTemplate create(String serverUrl) {
        long start = System.nanoTime();
        String name = MariaDbServer.newName("stratum_template_");
        MariaDbServer.execute(serverUrl, "CREATE DATABASE `" + name + "`");
        try {
            String url = JdbcUrls.withDatabase(serverUrl, name);
            try (Stratum db = Stratum.builder()
                    .url(url)
                    .pool(PoolSettings.defaults().withMaxSize(1).withMinIdle(0))
                    .open()) {
                db.migrate();
            }
            List<String> tables = new ArrayList<>();
            List<String> creates = new ArrayList<>();
            try (Connection c = MariaDbServer.connect(url);
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("SHOW CREATE TABLE `" + table + "`")) {
                        rs.next();
                        creates.add(rs.getString(2));
                    }
                }
            }
            LOG.info(
                    "migrated template database {} on {} in {} ms",
                    name,
                    JdbcUrls.redact(serverUrl),
                    (System.nanoTime() - start) / 1_000_000);
            return new MariaDbTemplate(serverUrl, name, tables, creates);
        } catch (RuntimeException | SQLException e) {
            try {
                MariaDbServer.drop(serverUrl, name);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** A new database with the template's tables and Liquibase history. */
    MariaDbDatabase copy() {
        String database = MariaDbServer.newName("stratum_test_");
        MariaDbServer.execute(serverUrl, "CREATE DATABASE `" + database + "`");
        MariaDbDatabase copy = new MariaDbDatabase(serverUrl, database);
        try (Connection c = MariaDbServer.connect(JdbcUrls.withDatabase(serverUrl, database));
                Statement s = c.createStatement()) {
            s.execute("SET SESSION foreign_key_checks = 0");
            for (String create : createStatements) {
                s.addBatch(create);
            }
            for (String table : tables) {
                if (table.toLowerCase(java.util.Locale.ROOT).startsWith("databasechangelog")) {
                    s.addBatch("INSERT INTO `" + table + "` SELECT * FROM `" + name + "`.`" + table + "`");
                }
            }
            s.executeBatch();
        } catch (SQLException | RuntimeException e) {
            try {
                copy.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new IllegalStateException("cannot copy template " + name + ": " + e.getMessage(), e);
        }
        return copy;
    }

    @Override
    public void close() {
        MariaDbServer.drop(serverUrl, name);
    }
}
