package io.stratum.jooq.liquibase;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.jooq.meta.extensions.ddl.DDLDatabase;

/**
 * A jOOQ code generation source for the tables of a Liquibase changelog, with no database at build time: Liquibase
 * renders the changelog as PostgreSQL DDL in offline mode, and jOOQ's {@link DDLDatabase} interprets that DDL.
 * The generated classes render for any dialect at run time (SQLite, PostgreSQL, ...).
 *
 * <p>Properties, in the {@code <database>} block of the jOOQ code generator:
 *
 * <ul>
 *   <li>{@code changelog} (required): the path of the master changelog, e.g. {@code db/shop/changelog.xml}, found in
 *       the {@code searchPath} directories or on the code generator's class path (where the changelogs it includes,
 *       such as Stratum's {@code db/changelog/stratum-master.xml}, come from its plugin dependencies);
 *   <li>{@code searchPath}: directories separated by commas, e.g. {@code ${project.basedir}/src/main/resources};
 *   <li>{@code postgresVersion}: the PostgreSQL version Liquibase renders the DDL for, 15 unless given.
 * </ul>
 *
 * <p>The changelog's {@code TEXT} columns become {@code VARCHAR} (unbounded, as on PostgreSQL) for the
 * interpretation only, since it cannot index a {@code TEXT} column: both generate {@code String} fields.
 */
public class LiquibaseChangelogDatabase extends DDLDatabase {
    private static final Pattern TEXT = Pattern.compile("\\bTEXT\\b");

    @Override
    protected void export() throws Exception {
        String changelog = getProperties().getProperty("changelog");
        if (changelog == null || changelog.isBlank()) {
            throw new IllegalArgumentException("the property 'changelog' is required: the path of the master"
                    + " changelog, e.g. db/changelog/app-master.xml");
        }
        // Liquibase's DDL names are unquoted: read them as PostgreSQL does (lower case), and create tables in the
        // order their foreign keys need, unless the configuration says otherwise.
        getProperties().putIfAbsent("defaultNameCase", "lower");
        getProperties().putIfAbsent("sort", "semantic");
        Path scratch = Files.createTempDirectory("stratum-jooq-liquibase");
        try {
            Path ddl = scratch.resolve("schema.sql");
            Files.writeString(ddl, TEXT.matcher(render(changelog, scratch)).replaceAll("VARCHAR"));
            getProperties().setProperty("scripts", ddl.toString());
            super.export();
        } finally {
            deleteRecursively(scratch);
        }
    }

    /** The DDL Liquibase would run on PostgreSQL to apply every changeset of {@code changelog}. */
    private String render(String changelog, Path scratch) throws Exception {
        String offline = "offline:postgresql?version=" + getProperties().getProperty("postgresVersion", "15")
                + "&changeLogFile=" + scratch.resolve("history.csv") + "&outputLiquibaseSql=none";
        Path sql = scratch.resolve("liquibase.sql");
        Map<String, Object> scope =
                Map.of(Scope.Attr.resourceAccessor.name(), resources(), "liquibase.analytics.enabled", Boolean.FALSE);
        Scope.child(scope, () -> {
            try (OutputStream out = Files.newOutputStream(sql)) {
                new CommandScope("updateSql")
                        .addArgumentValue("url", offline)
                        .addArgumentValue("changelogFile", changelog)
                        .setOutput(out)
                        .execute();
            }
        });
        return Files.readString(sql, StandardCharsets.UTF_8);
    }

    private ResourceAccessor resources() throws IOException {
        List<ResourceAccessor> accessors = new ArrayList<>();
        String searchPath = getProperties().getProperty("searchPath", "");
        for (String directory : searchPath.split(",")) {
            if (!directory.isBlank()) {
                accessors.add(new DirectoryResourceAccessor(Path.of(directory.strip())));
            }
        }
        accessors.add(new ClassLoaderResourceAccessor(LiquibaseChangelogDatabase.class.getClassLoader()));
        return new CompositeResourceAccessor(accessors);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
