package io.stratum.migrations;

import org.junit.jupiter.api.Test;

/** The changelog through the stock Liquibase CLI on a fresh MariaDB database (STRATUM_TEST_MARIADB_URL). */
class StockCliMariaDbTest {
    @Test
    void updateRollbackAndReapplyThroughTheStockCli() throws Exception {
        try (ServerDatabase database = ServerDatabase.create(ServerDatabase.Server.MARIADB, "stratum_cli_")) {
            StockCliScenario.run(database.url());
        }
    }
}
