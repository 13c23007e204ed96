package io.stratum.internal.schema;

import io.stratum.SchemaMigrations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The changesets of Stratum's changelog ({@code id::author}, in order) and the tables each creates, read once with
 * a streaming XML parser: telling whether a database is current then costs one query, not Liquibase's start-up
 * (parsing the changelog with every extension loaded, then taking its lock), which takes about a second.
 */
final class StratumChangeLog {
    private static final Map<String, String> DBMS = new LinkedHashMap<>();
    private static final Map<String, List<String>> CREATED_TABLES = read(SchemaMigrations.CHANGELOG);

    private StratumChangeLog() {}

    /** {@code id::author} of every changeset, in changelog order. */
    static Set<String> keys() {
        return CREATED_TABLES.keySet();
    }

    /**
     * {@code id::author} of the changesets that run on the database Liquibase calls {@code dbms} (a changeset's
     * {@code dbms} attribute, when it has one, lists the databases it is for), in changelog order.
     */
    static Set<String> keys(String dbms) {
        Set<String> keys = new LinkedHashSet<>();
        for (String key : CREATED_TABLES.keySet()) {
            String only = DBMS.get(key);
            if (only == null || Arrays.asList(only.split("\\s*,\\s*")).contains(dbms)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** The tables the changeset {@code key} creates; none for a changeset this changelog does not have. */
    static List<String> tablesCreatedBy(String key) {
        return CREATED_TABLES.getOrDefault(key, List.of());
    }

    private static Map<String, List<String>> read(String path) {
        Map<String, List<String>> changeSets = new LinkedHashMap<>();
        read(path, changeSets);
        changeSets.replaceAll((changeSet, tables) -> List.copyOf(tables));
        return Collections.unmodifiableMap(changeSets);
    }

    private static void read(String path, Map<String, List<String>> changeSets) {
        try (InputStream in = StratumChangeLog.class.getClassLoader().getResourceAsStream(path)) {
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
                        String key = xml.getAttributeValue(null, "id") + "::" + xml.getAttributeValue(null, "author");
                        changeSets.put(key, current);
                        String dbms = xml.getAttributeValue(null, "dbms");
                        if (dbms != null) {
                            DBMS.put(key, dbms.trim());
                        }
                    }
                    case "createTable" -> current.add(xml.getAttributeValue(null, "tableName"));
                    case "include" -> read(included(path, xml), changeSets);
                    default -> {}
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
