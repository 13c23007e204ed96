package io.stratum.migrations;

import static org.assertj.core.api.Assertions.assertThat;

/** update, status, rollback to the tag, full rollback-count, update again: each must succeed and do its job. */
final class StockCliScenario {
    private static final String[] TABLES = {
        "agents", "audit_log", "memory_entries", "sessions", "task_dependencies", "tasks"
    };

    private StockCliScenario() {}

    static void run(String url) throws Exception {
        assertThat(StockCli.run(url, "update").exitCode()).isZero();
        assertThat(StockCli.tables(url)).contains(TABLES);

        StockCli.Result status = StockCli.run(url, "status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.output()).contains("up to date");

        assertThat(StockCli.run(url, "rollback", "--tag=v1").exitCode()).isZero();
        assertThat(StockCli.tables(url)).contains(TABLES);

        assertThat(StockCli.run(url, "rollback-count", "--count=1000").exitCode())
                .isZero();
        assertThat(StockCli.tables(url)).isEmpty();

        assertThat(StockCli.run(url, "update").exitCode()).isZero();
        assertThat(StockCli.tables(url)).contains(TABLES);
    }
}
