package io.stratum.migrations;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The changelog as a user of the stock Liquibase CLI meets it, on a SQLite file. */
class StockCliSqliteTest {
    @Test
    void updateRollbackAndReapplyThroughTheStockCli(@TempDir Path dir) throws Exception {
        StockCliScenario.run("jdbc:sqlite:" + dir.resolve("cli.db"));
    }
}
