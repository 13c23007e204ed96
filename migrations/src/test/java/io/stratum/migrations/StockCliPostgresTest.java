package io.stratum.migrations;

import org.junit.jupiter.api.Test;

/** The changelog through the stock Liquibase CLI on a fresh PostgreSQL database (STRATUM_TEST_POSTGRES_URL). */
class StockCliPostgresTest {
    @Test
    void updateRollbackAndReapplyThroughTheStockCli() throws Exception {
        try (ServerDatabase database = ServerDatabase.create(ServerDatabase.Server.POSTGRES, "stratum_cli_")) {
            StockCliScenario.run(database.url());
        }
    }
}
