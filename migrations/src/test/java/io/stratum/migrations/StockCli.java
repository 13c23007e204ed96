package io.stratum.migrations;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import liquibase.integration.commandline.LiquibaseCommandLine;

/** Runs liquibase-core's own command line (the class behind the stock `liquibase` launcher) in-process. */
final class StockCli {
    private StockCli() {}

    record Result(int exitCode, String output) {}

    /** {@code liquibase --changelog-file=db/changelog/stratum-master.xml --url=URL <command...>}. */
    static Result run(String url, String... command) {
        List<String> args = new ArrayList<>(List.of(
                "--show-banner=false",
                "--analytics-enabled=false",
                "--changelog-file=db/changelog/stratum-master.xml",
                "--search-path=target/classes",
                "--url=" + url));
        args.addAll(List.of(command));
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = new LiquibaseCommandLine().execute(args.toArray(String[]::new));
            return new Result(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
        }
    }

    /** Names of the user tables in the database at {@code url} (Liquibase's own excluded). */
    static List<String> tables(String url) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
                ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                if (!name.startsWith("databasechangelog")) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
