package io.stratum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.testkit.tck.ScratchDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Base of the command contracts that share one migrated database per class and run the CLI in-process on it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CommandContract {
    private ScratchDatabases databases;
    private String url;

    protected abstract ScratchDatabases databases();

    @BeforeAll
    void createDatabase() {
        databases = databases();
        url = databases.freshUrl();
        assertThat(stratum("migrate").status()).isZero();
    }

    @AfterAll
    void dropDatabase() {
        databases.close();
    }

    /** The JDBC URL of the class's database. */
    String url() {
        return url;
    }

    /** Runs {@code stratum --url URL args...}. */
    CliRun stratum(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(String[]::new));
    }

    /** Runs the command, which must succeed, and parses its standard output as JSON. */
    JsonNode json(String... args) {
        CliRun run = stratum(args);
        assertThat(run.status()).as(run.toString()).isZero();
        return JsonOutput.parse(run.out());
    }
}
