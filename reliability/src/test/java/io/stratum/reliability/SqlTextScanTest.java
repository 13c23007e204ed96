package io.stratum.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A static check of the production sources: SQL text is never assembled from values. It finds every call of a
 * JDBC statement method and of jOOQ's plain-SQL entry points, and fails on an argument that concatenates or
 * formats a string literal, or that hands JDBC anything but a literal, unless the call is in {@link #REVIEWED}
 * with the reason it is safe. It reads source text, so it cannot see through a String variable passed to jOOQ's
 * plain-SQL methods; jOOQ's typed DSL with bind values is what the code uses everywhere else.
 */
class SqlTextScanTest {
    private static final List<String> SOURCE_ROOTS = List.of(
            "core/src/main/java",
            "sqlite-adapter/src/main/java",
            "postgres-adapter/src/main/java",
            "mariadb-adapter/src/main/java");
    private static final Set<String> JDBC = Set.of(
            "execute",
            "executeQuery",
            "executeUpdate",
            "executeLargeUpdate",
            "addBatch",
            "prepareStatement",
            "prepareCall");
    private static final Pattern CALL = Pattern.compile("\\b(execute|executeQuery|executeUpdate|executeLargeUpdate"
            + "|addBatch|prepareStatement|prepareCall|fetch|fetchValue|fetchOne|fetchSingle|fetchOptional|fetchLazy"
            + "|resultQuery|query|field|condition|sql|table|unquotedName|keyword|queries|batch)\\s*\\(");

    /** "File.java: argument text" of each call whose SQL is built from something other than one literal. */
    private static final Map<String, String> REVIEWED = Map.ofEntries(
            Map.entry("TransactionRunner.java: connection, \"COMMIT\"", "a constant"),
            Map.entry(
                    "MigrationUndo.java: \"DROP TABLE \" + history.qualified(actual)",
                    "one of Liquibase's two history tables, a constant of ChangeLogHistory in the case the database"
                            + " reports it, in the schema below"),
            Map.entry(
                    "LiquibaseMigrations.java: \"CREATE SCHEMA IF NOT EXISTS \" + schema",
                    "the configured schema name, which StratumSettings checks against [a-z_][a-z0-9_]{0,62}"),
            Map.entry(
                    "ChangeLogHistory.java: \"SELECT id, author, filename, tag FROM \" + qualified(table)"
                            + " + \" ORDER BY dateexecuted, orderexecuted\"",
                    "the history table, a constant in the case the database reports it, in the schema above"),
            Map.entry("TransactionRunner.java: connection, \"ROLLBACK\"", "a constant"),
            Map.entry(
                    "CommitNotifier.java: statement",
                    "NotificationChannel#notifyStatement: each backend's constant notify statement"),
            Map.entry("PostgresNotifications.java: \"LISTEN \" + CHANNEL", "a constant"),
            Map.entry(
                    "TransactionRunner.java: connection, statement",
                    "Backend#beginStatements: each backend's constant BEGIN statements"),
            Map.entry("TransactionRunner.java: sql", "only the constants of the calls above"),
            Map.entry(
                    "TaskTransitions.java: update(TASKS.ID.in(rows.stream().map(Record2::value1).toList()), move,"
                            + " Binds.timestamp(now))",
                    "a typesafe jOOQ UPDATE whose values are bind values"),
            Map.entry(
                    "TaskTransitions.java: dsl",
                    "RenderedStatement.Call runs: jOOQ's rendering of a typesafe template, values bound per call"),
            Map.entry("TaskRowInserts.java: on", "as TaskTransitions' RenderedStatement.Call runs"),
            Map.entry("RenderedMove.java: dsl", "as TaskTransitions' RenderedStatement.Call runs"),
            Map.entry("AuditTrail.java: dsl", "as TaskTransitions' RenderedStatement.Call runs"),
            Map.entry(
                    "StatementCache.java: sql",
                    "the SQL text its caller (jOOQ) prepares, passed to the driver unchanged; it only keys the cache"),
            Map.entry(
                    "ExplicitTransactions.java: sql", "BEGIN/COMMIT/ROLLBACK constants and the savepoint calls below"),
            Map.entry(
                    "ExplicitTransactions.java: \"ROLLBACK TO \" + ((Savepoint) args[0]).getSavepointName()",
                    "a savepoint name created by setSavepoint in this class, from jOOQ, never user data"),
            Map.entry(
                    "ExplicitTransactions.java: \"SAVEPOINT \" + name",
                    "jOOQ's generated savepoint names, never user data"),
            Map.entry(
                    "ExplicitTransactions.java: \"RELEASE \" + ((Savepoint) args[0]).getSavepointName()",
                    "as ROLLBACK TO"),
            Map.entry("ExplicitTransactions.java: command", "COMMIT or ROLLBACK"),
            Map.entry("ExplicitTransactions.java: begin(readOnly)", "BEGIN DEFERRED or BEGIN IMMEDIATE"),
            Map.entry("SqliteBackend.java: \"PRAGMA busy_timeout = \" + millis", "an int from PoolSettings"),
            Map.entry(
                    "PostgresBackend.java: \"SELECT pg_advisory_lock(\" + MIGRATION_LOCK_KEY + \")\"",
                    "a long constant"),
            Map.entry(
                    "PostgresBackend.java: \"SELECT pg_advisory_unlock(\" + MIGRATION_LOCK_KEY + \")\"",
                    "a long constant"),
            Map.entry(
                    "SqliteTemplate.java: \"restore from \\\"\" + file() + \"\\\"\"",
                    "the path of the template file that class wrote to a temporary directory of its own"),
            Map.entry(
                    "BackgroundDrops.java: () -> { try { drop.run(); } catch (RuntimeException e) { LOG.warn("
                            + "\"cannot drop test database {}: {}\", database, e.getMessage()); } finally { pending.release(); } }",
                    "Executor#execute of a Runnable, no SQL"),
            Map.entry(
                    "PostgresEmptyDatabase.java: serverUrl, \"CREATE DATABASE \" + name",
                    "a test database name: a fixed prefix and random hexadecimal digits"),
            Map.entry(
                    "PostgresEmptyDatabase.java: serverUrl, \"DROP DATABASE IF EXISTS \" + name + \" WITH (FORCE)\"",
                    "as CREATE DATABASE"),
            Map.entry("PostgresEmptyDatabase.java: sql", "only the two statements above"),
            Map.entry(
                    "PostgresTemplate.java: \"CREATE DATABASE {0}\", template.name",
                    "test database names (a fixed prefix and random hexadecimal digits) quoted by DSL.name"),
            Map.entry(
                    "PostgresTemplate.java: \"ALTER DATABASE {0} WITH ALLOW_CONNECTIONS false\", template.name",
                    "as CREATE DATABASE"),
            Map.entry(
                    "PostgresTemplate.java: \"CREATE DATABASE {0} TEMPLATE {1}\", database, name",
                    "as CREATE DATABASE"),
            Map.entry(
                    "PostgresTemplate.java: \"DROP DATABASE IF EXISTS {0} WITH (FORCE)\", database",
                    "as CREATE DATABASE"),
            Map.entry(
                    "MariaDbBackend.java: \"SELECT GET_LOCK('\" + MIGRATION_LOCK + \"', \" + MIGRATION_LOCK_TIMEOUT_SECONDS"
                            + " + \")\"",
                    "a string and an int constant"),
            Map.entry("MariaDbBackend.java: \"SELECT RELEASE_LOCK('\" + MIGRATION_LOCK + \"')\"", "a constant"),
            Map.entry(
                    "MariaDbDatabase.java: serverUrl, \"CREATE DATABASE `\" + name + \"`\"",
                    "a test database name: a fixed prefix and random hexadecimal digits"),
            Map.entry("MariaDbTemplate.java: serverUrl, \"CREATE DATABASE `\" + name + \"`\"", "as MariaDbDatabase"),
            Map.entry(
                    "MariaDbTemplate.java: serverUrl, \"CREATE DATABASE `\" + database + \"`\"", "as MariaDbDatabase"),
            Map.entry(
                    "MariaDbTemplate.java: \"SHOW CREATE TABLE `\" + table + \"`\"",
                    "the tables of the template database, which holds nothing but Stratum's migrated schema"),
            Map.entry("MariaDbTemplate.java: create", "the server's SHOW CREATE TABLE of those tables"),
            Map.entry(
                    "MariaDbTemplate.java: \"INSERT INTO `\" + table + \"` SELECT * FROM `\" + name + \"`.`\" + table"
                            + " + \"`\"",
                    "Liquibase's history tables of the template, and the template's random name"),
            Map.entry(
                    "MariaDbServer.java: serverUrl, \"DROP DATABASE IF EXISTS `\" + database + \"`\"",
                    "as MariaDbDatabase"),
            Map.entry("MariaDbServer.java: sql", "only the statements above"));

    @Test
    void productionCodeBuildsNoSqlTextFromValues() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> unreviewed = new ArrayList<>();
        int files = 0;
        int calls = 0;
        for (String sourceRoot : SOURCE_ROOTS) {
            Path dir = root.resolve(sourceRoot);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> sources;
            try (Stream<Path> walk = Files.walk(dir)) {
                sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
            }
            for (Path source : sources) {
                files++;
                String text = Files.readString(source);
                Matcher m = CALL.matcher(text);
                while (m.find()) {
                    if (isDeclaration(text, m.start())) {
                        continue;
                    }
                    calls++;
                    String argument = argument(text, m.end()).strip().replaceAll("\\s+", " ");
                    if (suspicious(m.group(1), argument)) {
                        String site = source.getFileName() + ": " + argument;
                        if (!REVIEWED.containsKey(site)) {
                            unreviewed.add(site);
                        }
                    }
                }
            }
        }
        assertThat(files).as("production sources found under " + root).isGreaterThan(50);
        assertThat(unreviewed)
                .as("SQL text built from values; use jOOQ with bind values, or review and list "
                        + "the call in REVIEWED with why it is safe")
                .isEmpty();
        Figures.record(
                "static-sql-scan",
                files + " source files, " + calls + " SQL entry-point calls checked, " + REVIEWED.size()
                        + " reviewed constant sites");
    }

    private static boolean suspicious(String method, String argument) {
        boolean hasLiteral = argument.contains("\"");
        boolean built = hasLiteral
                && (outsideLiterals(argument).contains("+")
                        || argument.contains("formatted(")
                        || argument.contains("String.format"));
        boolean singleLiteral = argument.matches("\"([^\"\\\\]|\\\\.)*\"");
        return built || (JDBC.contains(method) && !argument.isEmpty() && !singleLiteral);
    }

    /** Whether the name at {@code start} is declared there ({@code void execute(String sql)}), not called. */
    private static boolean isDeclaration(String text, int start) {
        int end = start;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int begin = end;
        while (begin > 0 && (Character.isJavaIdentifierPart(text.charAt(begin - 1)) || text.charAt(begin - 1) == '>')) {
            begin--;
        }
        String previous = text.substring(begin, end);
        return end < start && !previous.isEmpty() && !previous.equals("return") && !previous.equals("new");
    }

    private static String outsideLiterals(String argument) {
        return argument.replaceAll("\"([^\"\\\\]|\\\\.)*\"", "\"\"");
    }

    /** The text between the parenthesis opened just before {@code start} and its match. */
    private static String argument(String text, int start) {
        int depth = 1;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return text.substring(start, i);
            }
        }
        return text.substring(start);
    }
}
