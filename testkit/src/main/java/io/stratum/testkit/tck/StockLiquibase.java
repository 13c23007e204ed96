package io.stratum.testkit.tck;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import liquibase.integration.commandline.LiquibaseCommandLine;

/**
 * The stock Liquibase command line (the class the {@code liquibase} launcher starts), run in this JVM on a changelog
 * of the class path, as a team that keeps its own changelog would run it.
 */
final class StockLiquibase {
    /** An application's changelog that includes Stratum's and adds the table {@code invoices} ({@code shop-001-invoices::shop}). */
    static final String SHOP_CHANGELOG = "io/stratum/testkit/tck/shop-changelog.xml";
    /** Stratum's changelog plus {@code 999-create-future::stratum}, as a newer Stratum's would be. */
    static final String NEWER_STRATUM_CHANGELOG = "io/stratum/testkit/tck/newer-stratum-changelog.xml";

    private StockLiquibase() {}

    record Result(int exitCode, String output) {}

    /** {@code liquibase --changelog-file=CHANGELOG --url=URL COMMAND...}; what it prints is captured. */
    static synchronized Result run(String url, String changelog, String... command) {
        List<String> args = new ArrayList<>(List.of(
                "--show-banner=false",
                "--analytics-enabled=false",
                "--log-level=WARNING",
                "--changelog-file=" + changelog,
                "--url=" + url));
        args.addAll(List.of(command));
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = new LiquibaseCommandLine().execute(args.toArray(String[]::new));
            return new Result(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(console);
        }
    }
}
