package io.stratum.spi;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For a {@link TestDatabaseService} on a database server: one migrated template per server this JVM's tests use,
 * created by the first test that needs it (the others wait) and closed (dropped) when the JVM exits. A failed
 * creation is not remembered, so the next test tries again.
 *
 * @param <T> the backend's template, which drops itself on {@link AutoCloseable#close()}
 */
public final class ServerTemplates<T extends AutoCloseable> {
    private static final Logger LOG = LoggerFactory.getLogger(ServerTemplates.class);

    private final Function<String, T> create;
    private final ConcurrentMap<String, Slot> byServer = new ConcurrentHashMap<>();
    private final AtomicBoolean closesAtExit = new AtomicBoolean();

    /** {@code create} makes and migrates the template on the server of the URL it is given. */
    public ServerTemplates(Function<String, T> create) {
        this.create = create;
    }

    /** The template on the server of {@code serverUrl}, created on first use. */
    public T forServer(String serverUrl) {
        if (closesAtExit.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "stratum-test-templates"));
        }
        return byServer.computeIfAbsent(serverUrl, Slot::new).template();
    }

    private void closeAll() {
        for (Slot slot : byServer.values()) {
            slot.close();
        }
    }

    private final class Slot {
        private final String serverUrl;
        private T template;

        Slot(String serverUrl) {
            this.serverUrl = serverUrl;
        }

        synchronized T template() {
            if (template == null) {
                template = create.apply(serverUrl);
            }
            return template;
        }

        synchronized void close() {
            if (template != null) {
                try {
                    template.close();
                } catch (Exception e) {
                    LOG.warn("cannot drop template database: {}", e.getMessage());
                }
                template = null;
            }
        }
    }
}
