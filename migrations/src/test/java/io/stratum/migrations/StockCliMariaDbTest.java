package io.stratum.migrations;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The changelog through the stock Liquibase CLI on a fresh MariaDB database (STRATUM_TEST_MARIADB_URL). */
class StockCliMariaDbTest {
    @Test
    void updateRollbackAndReapplyThroughTheStockCli() throws Exception {
        String admin = System.getenv("STRATUM_TEST_MARIADB_URL");
        if (admin == null || admin.isBlank()) {
            if (Boolean.parseBoolean(System.getenv("STRATUM_TEST_REQUIRE_MARIADB"))) {
                fail("STRATUM_TEST_MARIADB_URL is required");
            }
            Assumptions.abort("STRATUM_TEST_MARIADB_URL is not set");
        }
        String name =
                "stratum_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(admin, "CREATE DATABASE " + name);
        try {
            int q = admin.indexOf('?');
            String base = q < 0 ? admin : admin.substring(0, q);
            // Connector/J lists the tables of every database for a null catalog unless told otherwise.
            String parameters = (q < 0 ? "?" : admin.substring(q) + "&") + "nullDatabaseMeansCurrent=true";
            String url = base.substring(0, base.lastIndexOf('/') + 1) + name + parameters;
            StockCliScenario.run(url);
        } finally {
            execute(admin, "DROP DATABASE IF EXISTS " + name);
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
