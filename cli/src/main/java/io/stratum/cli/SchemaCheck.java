package io.stratum.cli;

import io.stratum.DatabaseError;
import io.stratum.SchemaMigrations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Whether a database already has exactly the changesets of the changelog this command line ships, found
 * without starting Liquibase, whose start-up (parsing the changelog twice, taking its lock) would otherwise
 * cost every command about a second; and, when it has not, whether it is a new, empty database that a command
 * may set up by itself. Any other schema change is {@code stratum migrate}'s alone.
 */
final class SchemaCheck {
    private static final Map<String, List<String>> CREATED_TABLES = changeSets(SchemaMigrations.CHANGELOG);
    private static final Set<String> CHANGELOG = CREATED_TABLES.keySet();

    /** The changesets a database records as applied; null when it has no history table. */
    private final Set<String> applied;
    private final boolean empty;

    private SchemaCheck(Set<String> applied, boolean empty) {
        this.applied = applied;
        this.empty = empty;
    }

    static SchemaCheck of(DSLContext dsl, SchemaMigrations schema) {
        Set<String> applied = new HashSet<>();
        try {
            dsl.select(DSL.field(DSL.name("id"), String.class), DSL.field(DSL.name("author"), String.class))
                    .from(DSL.table(DSL.name("databasechangelog")))
                    .forEach(r -> applied.add(r.value1() + "::" + r.value2()));
        } catch (DatabaseError e) {
            return new SchemaCheck(null, schema.databaseIsEmpty());
        }
        return new SchemaCheck(applied, false);
    }

    boolean upToDate() {
        return CHANGELOG.equals(applied);
    }

    /** A database without a single table: a command may create the schema in it. */
    boolean empty() {
        return empty;
    }

    /** Why a command other than {@code migrate} will not use this database, in one line. */
    String refusal() {
        Set<String> unknown = new TreeSet<>(applied == null ? Set.of() : applied);
        unknown.removeAll(CHANGELOG);
        if (!unknown.isEmpty()) {
            return "the database has " + unknown.size() + " changeset(s) this version of Stratum does not know ("
                    + String.join(", ", unknown) + "): a newer Stratum migrated it; upgrade Stratum";
        }
        long pending = CHANGELOG.stream().filter(c -> applied == null || !applied.contains(c)).count();
        String what = applied == null ? "the database has tables but no Stratum schema" : "the database schema is not up to date";
        return what + ": " + pending + " of " + CHANGELOG.size() + " changesets are pending; run 'stratum migrate'"
                + " to apply them (this command changes no schema)";
    }

    /** {@code id::author} of every changeset in the changelog at {@code path} and the files it includes. */
    /** The tables that changeset {@code id::author} creates (none for one this changelog does not have). */
    static List<String> tablesCreatedBy(String changeSet) {
        return CREATED_TABLES.getOrDefault(changeSet, List.of());
    }

    /**
     * {@code id::author} of every changeset in the changelog at {@code path} and the files it includes, in
     * order, with the tables each creates.
     */
    private static Map<String, List<String>> changeSets(String path) {
        Map<String, List<String>> changeSets = new LinkedHashMap<>();
        read(path, changeSets);
        changeSets.replaceAll((changeSet, tables) -> List.copyOf(tables));
        return Collections.unmodifiableMap(changeSets);
    }

    private static void read(String path, Map<String, List<String>> changeSets) {
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("changelog " + path + " is not on the class path");
            }
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
            List<String> current = null;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamReader.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "changeSet" -> {
                        current = new ArrayList<>();
                        changeSets.put(xml.getAttributeValue(null, "id") + "::" + xml.getAttributeValue(null, "author"),
                                current);
                    }
                    case "createTable" -> current.add(xml.getAttributeValue(null, "tableName"));
                    case "include" -> read(included(path, xml), changeSets);
                    default -> { }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot read changelog " + path, e);
        }
    }

    private static String included(String from, XMLStreamReader include) {
        String file = include.getAttributeValue(null, "file");
        boolean relative = Boolean.parseBoolean(include.getAttributeValue(null, "relativeToChangelogFile"));
        return relative ? from.substring(0, from.lastIndexOf('/') + 1) + file : file;
    }
}
