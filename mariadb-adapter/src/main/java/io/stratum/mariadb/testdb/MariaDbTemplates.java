package io.stratum.mariadb.testdb;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template database of each MariaDB server this JVM's tests use: created and migrated by the first test that
 * needs it (the others wait), dropped when the JVM exits.
 */
final class MariaDbTemplates {
    private static final Logger LOG = LoggerFactory.getLogger(MariaDbTemplates.class);
    private static final ConcurrentMap<String, Slot> BY_SERVER = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(MariaDbTemplates::dropAll, "stratum-test-templates"));
    }

    private MariaDbTemplates() {}

    static MariaDbTemplate forServer(String serverUrl) {
        return BY_SERVER.computeIfAbsent(serverUrl, Slot::new).template();
    }

    private static void dropAll() {
        for (Slot slot : BY_SERVER.values()) {
            slot.close();
        }
    }

    /** Holds one server's template; a failed creation is not remembered, so the next test tries again. */
    private static final class Slot {
        private final String serverUrl;
        private MariaDbTemplate template;

        Slot(String serverUrl) {
            this.serverUrl = serverUrl;
        }

        synchronized MariaDbTemplate template() {
            if (template == null) {
                template = MariaDbTemplate.create(serverUrl);
            }
            return template;
        }

        synchronized void close() {
            if (template != null) {
                try {
                    template.close();
                } catch (RuntimeException e) {
                    LOG.warn("cannot drop template database: {}", e.getMessage());
                }
                template = null;
            }
        }
    }
}
