package io.stratum.cli;

import io.stratum.DatabaseError;
import io.stratum.SchemaMigrations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Whether a database already has exactly the changesets of the changelog this command line ships, found
 * without starting Liquibase, whose start-up (parsing the changelog twice, taking its lock) would otherwise
 * cost every command about a second. Anything else, including a database with changesets this version does
 * not know, is left to a real migration, which applies what is missing or refuses a newer schema.
 */
final class SchemaCheck {
    private static final Set<String> CHANGELOG = changeSets(SchemaMigrations.CHANGELOG);

    private SchemaCheck() {
    }

    static boolean upToDate(DSLContext dsl) {
        Set<String> applied = new HashSet<>();
        try {
            dsl.select(DSL.field(DSL.name("id"), String.class), DSL.field(DSL.name("author"), String.class))
                    .from(DSL.table(DSL.name("databasechangelog")))
                    .forEach(r -> applied.add(r.value1() + "::" + r.value2()));
        } catch (DatabaseError e) {
            return false; // no history table yet: a new database
        }
        return applied.equals(CHANGELOG);
    }

    /** {@code id::author} of every changeset in the changelog at {@code path} and the files it includes. */
    private static Set<String> changeSets(String path) {
        Set<String> ids = new HashSet<>();
        read(path, ids);
        return Set.copyOf(ids);
    }

    private static void read(String path, Set<String> ids) {
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("changelog " + path + " is not on the class path");
            }
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamReader.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "changeSet" -> ids.add(xml.getAttributeValue(null, "id") + "::" + xml.getAttributeValue(null, "author"));
                    case "include" -> read(included(path, xml), ids);
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
