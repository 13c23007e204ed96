package io.stratum.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The section "Running the stock Liquibase CLI" of this module's README.md, followed as written: its fenced blocks
 * marked {@code <!-- stock-cli-test: ... -->} run with {@code bash}, on the packaged stratum-migrations jar
 * ({@code STRATUM_MIGRATIONS_JAR}), a class-path directory the README's own Maven command fills ({@code LB_LIB}),
 * and a scratch SQLite file or PostgreSQL database ({@code DB_URL}).
 */
class StockCliReadmeIT {
    private static final String SECTION = "## Running the stock Liquibase CLI";
    private static final String APP_FILE = "file changelog/app-changelog.xml";
    private static final String STRATUM_PREFIX = "liquibase --changelog-file=db/changelog/stratum-master.xml ";
    private static final String APP_PREFIX =
            "liquibase --search-path=\"changelog,$STRATUM_MIGRATIONS_JAR\" --changelog-file=app-changelog.xml ";
    private static final List<String> STRATUM_TABLES =
            List.of("agents", "audit_log", "memory_entries", "sessions", "task_dependencies", "tasks");

    private static final int STRATUM_CHANGESETS = 33;
    /** The position of {@code 008-create-session-events} in Stratum's changelog. */
    private static final int SESSION_EVENTS_CHANGESET = 23;

    /** A README command (after its prefix), and what the database holds and the command prints after it. */
    private record Step(String command, int stratum, int app, String printed) {}

    private static final List<Step> STRATUM_STEPS = List.of(
            new Step("update", 33, 0, "Running Changeset: db/changelog/stratum-master.xml::v4-tag::stratum"),
            new Step("status --verbose", 33, 0, "is up to date"),
            new Step("rollback-count --count=3", 30, 0, "Rolling Back Changeset"),
            new Step("update", 33, 0, "Running Changeset: db/changelog/stratum-master.xml::v4-tag::stratum"),
            new Step("rollback --tag=v1", 21, 0, "Rolling Back Changeset: db/changelog/stratum-master.xml::v1-tag"),
            new Step("status --verbose", 21, 0, "12 changesets have not been applied"),
            new Step("update", 33, 0, "Running Changeset: db/changelog/stratum-master.xml::v1-tag::stratum"),
            new Step("history", 33, 0, "008-create-session-events"));

    private static final List<Step> APP_STEPS = List.of(
            new Step("update", 33, 1, "Running Changeset: app-changelog.xml::app-001-invoices::app"),
            new Step("status --verbose", 33, 1, "is up to date"),
            new Step("rollback-count --count=1", 33, 0, "Rolling Back Changeset: app-changelog.xml::app-001-invoices"),
            new Step("update", 33, 1, "Running Changeset: app-changelog.xml::app-001-invoices::app"),
            new Step("history", 33, 1, "app-001-invoices"));

    @TempDir
    static Path work;

    private static Map<String, String> blocks;
    private static Path lib;
    private static Path bin;

    @BeforeAll
    static void buildTheClassPathAsTheReadmeSays() throws Exception {
        blocks = markedBlocks(Files.readString(Path.of("README.md")));
        assertThat(blocks).containsOnlyKeys("classpath", "function", "stratum", APP_FILE, "app");

        Path appChangelog = work.resolve(APP_FILE.substring("file ".length()));
        Files.createDirectories(appChangelog.getParent());
        Files.writeString(appChangelog, blocks.get(APP_FILE));

        // `mvn` in the README: this build's Maven (the wrapper), with this build's local repository.
        bin = Files.createDirectories(work.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(
                mvn,
                "#!/bin/sh\nexec '"
                        + Path.of(property("stratum.repo.root")).toRealPath().resolve("mvnw") + "' -B"
                        + " '-Dmaven.repo.local=" + property("stratum.maven.repo.local") + "' \"$@\"\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));

        lib = work.resolve("liquibase-cli");
        Result built = bash(blocks.get("classpath"), "jdbc:unused", 10);
        assertThat(built.exitCode()).as(built.output()).isZero();
        assertThat(lib.resolve("liquibase-core-" + property("stratum.version.liquibase") + ".jar"))
                .as("the README's liquibase-core version is the project's")
                .exists();
        assertThat(lib.resolve("picocli-" + property("stratum.version.picocli") + ".jar"))
                .exists();
        assertThat(lib.resolve("sqlite-jdbc-" + property("stratum.version.sqlite-jdbc") + ".jar"))
                .exists();
        assertThat(lib.resolve("postgresql-" + property("stratum.version.postgresql") + ".jar"))
                .exists();
        try (var jars = Files.list(lib)) {
            assertThat(jars.map(p -> p.getFileName().toString()))
                    .as("liquibase-core's own dependencies come with it")
                    .anyMatch(n -> n.startsWith("opencsv-"))
                    .anyMatch(n -> n.startsWith("snakeyaml-"))
                    .anyMatch(n -> n.startsWith("commons-text-"));
        }
    }

    @Test
    void onSqlite() throws Exception {
        followTheReadme("jdbc:sqlite:" + work.resolve("stratum-" + UUID.randomUUID() + ".db"));
    }

    @Test
    void onPostgres() throws Exception {
        try (ServerDatabase database = ServerDatabase.create(ServerDatabase.Server.POSTGRES, "stratum_readme_")) {
            followTheReadme(database.url());
        }
    }

    private static void followTheReadme(String url) throws Exception {
        run(url, "stratum", STRATUM_PREFIX, STRATUM_STEPS);
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT id, tag FROM databasechangelog WHERE tag IS NOT NULL ORDER BY id")) {
            List<String> tags = new ArrayList<>();
            while (rs.next()) {
                tags.add(rs.getString(1) + "=" + rs.getString(2));
            }
            assertThat(tags).containsExactly("v1-tag=v1", "v2-tag=v2", "v3-tag=v3", "v4-tag=v4");
        }
        run(url, "app", APP_PREFIX, APP_STEPS);
    }

    /** Runs each command of the README block one at a time, after the README's function definition. */
    private static void run(String url, String block, String prefix, List<Step> steps) throws Exception {
        List<String> commands = commands(blocks.get(block));
        assertThat(commands)
                .as("the README's %s commands", block)
                .containsExactlyElementsOf(
                        steps.stream().map(s -> prefix + s.command()).toList());
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String command = commands.get(i);
            Result result = bash(blocks.get("function") + "\n" + command, url, 3);
            assertThat(result.exitCode()).as(command + "\n" + result.output()).isZero();
            assertThat(result.output()).as(command).contains(step.printed());

            assertThat(count(url, "stratum"))
                    .as("changesets of stratum after " + command)
                    .isEqualTo(step.stratum());
            assertThat(count(url, "app"))
                    .as("changesets of app after " + command)
                    .isEqualTo(step.app());
            List<String> tables = StockCli.tables(url);
            assertThat(tables).as(command).containsAll(STRATUM_TABLES);
            assertThat(tables.contains("session_events"))
                    .as(command)
                    .isEqualTo(step.stratum() >= SESSION_EVENTS_CHANGESET);
            assertThat(tables.contains("invoices")).as(command).isEqualTo(step.app() == 1);
            if (command.endsWith(" history")) {
                assertThat(Pattern.compile("\\|\\s*stratum\\s*\\|")
                                .matcher(result.output())
                                .results()
                                .count())
                        .as(result.output())
                        .isEqualTo(STRATUM_CHANGESETS);
            }
            if (block.equals("app") && command.endsWith(" update")) {
                assertThat(result.output())
                        .as("Stratum's changesets are found applied under the same paths")
                        .doesNotContain("Running Changeset: db/changelog/");
            }
        }
    }

    private static int count(String url, String author) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT count(*) FROM databasechangelog WHERE author = '" + author + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The fenced blocks of the README's CLI section, each after its {@code <!-- stock-cli-test: NAME -->}. */
    static Map<String, String> markedBlocks(String readme) {
        int start = readme.indexOf(SECTION);
        assertThat(start).as(SECTION).isNotNegative();
        int end = readme.indexOf("\n## ", start + SECTION.length());
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Matcher m = Pattern.compile("<!-- stock-cli-test: ([^>]+?) -->\\n```\\w+\\n(.*?)\\n```", Pattern.DOTALL)
                .matcher(section);
        Map<String, String> found = new LinkedHashMap<>();
        while (m.find()) {
            assertThat(found.put(m.group(1), m.group(2) + "\n")).as(m.group(1)).isNull();
        }
        return found;
    }

    /** A block's commands: lines joined at a trailing backslash, comments (whole or trailing) and blanks dropped. */
    static List<String> commands(String block) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : block.split("\n")) {
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1);
                continue;
            }
            current.append(line);
            String command = current.toString()
                    .replaceAll("\\s+#.*$", "")
                    .replaceAll("\\s+", " ")
                    .strip();
            current.setLength(0);
            if (!command.isEmpty() && !command.startsWith("#")) {
                commands.add(command);
            }
        }
        return commands;
    }

    private record Result(int exitCode, String output) {}

    private static Result bash(String script, String url, int minutes) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + script)
                .directory(work.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        String javaHome = System.getProperty("java.home");
        env.put("JAVA_HOME", javaHome);
        env.put("PATH", bin + ":" + Path.of(javaHome, "bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put(
                "STRATUM_MIGRATIONS_JAR",
                Path.of(property("stratum.migrations.jar")).toString());
        env.put("LB_LIB", lib.toString());
        env.put("DB_URL", url);
        Path log = Files.createTempFile(work, "bash-", ".log");
        pb.redirectOutput(log.toFile());
        Process process = pb.start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            fail("timed out after " + minutes + " min: " + script + "\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value)
                .as("system property %s (set by the failsafe configuration)", name)
                .isNotBlank();
        return value;
    }
}
