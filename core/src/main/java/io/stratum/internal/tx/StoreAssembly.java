package io.stratum.internal.tx;

import io.stratum.JdbcUrls;
import io.stratum.StratumSettings;
import io.stratum.internal.audit.AuditTrail;
import io.stratum.internal.audit.JooqRetention;
import io.stratum.internal.observe.QueueEvents;
import io.stratum.internal.observe.QueueObservers;
import io.stratum.internal.queue.QueueQueries;
import io.stratum.internal.schema.LiquibaseMigrations;
import io.stratum.internal.statement.KeyConflicts;
import io.stratum.internal.task.TaskListing;
import io.stratum.internal.wake.WakeUps;
import io.stratum.spi.Backend;
import io.stratum.spi.BackendConnection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the connection {@link StratumSettings} describe and wires a store's parts on it. */
public final class StoreAssembly {
    private static final Logger LOG = LoggerFactory.getLogger(StoreAssembly.class);

    private StoreAssembly() {}

    /** Connects (or adopts the application's DataSource) and builds the parts; nothing is migrated. */
    public static AssembledStore assemble(StratumSettings settings) {
        Backend backend = settings.url()
                .map(Backends::forUrl)
                .orElseGet(() -> Backends.forDialect(settings.dialect().orElseThrow()));
        ErrorTranslator errors = new ErrorTranslator(backend);
        BackendConnection connection = connect(backend, settings, errors);
        LOG.info(
                "opened {} store{}",
                backend.name(),
                settings.url().map(url -> " at " + JdbcUrls.redact(url)).orElse(" on a supplied DataSource"));
        DSLContext dsl = Jooq.context(connection.dataSource(), backend, errors, settings.executeListeners());
        Retrier retrier = new Retrier(settings.retry(), settings.retryListener());
        TransactionRunner transactions = new TransactionRunner(
                connection.dataSource(), dsl.configuration(), backend, connection.writeGate(), errors, retrier);
        PooledDatabase database = new PooledDatabase(dsl, transactions, retrier, errors);
        WakeUps wakeUps = WakeUps.open(
                backend, settings, driverProperties(backend, settings), connection.dataSource(), transactions);
        QueueObservers observers = new QueueObservers();
        AuditTrail audit = new AuditTrail(settings.audit(), settings.actor().orElse(null), settings.clock());
        Repositories repositories = new Repositories(
                database,
                settings.clock(),
                audit,
                new QueueQueries(backend),
                new TaskListing(backend),
                settings.queue(),
                wakeUps,
                new QueueEvents(observers, transactions),
                new KeyConflicts(backend));
        return new AssembledStore(
                backend,
                connection,
                database,
                transactions,
                new LiquibaseMigrations(
                        connection.dataSource(),
                        connection.writeGate(),
                        backend,
                        settings.schema().orElse(null)),
                repositories,
                new JooqRetention(database, settings.clock(), backend.supportsRowLocks()),
                wakeUps,
                observers);
    }

    /** The application's driver properties, and those that put the connections in Stratum's own schema. */
    private static Map<String, String> driverProperties(Backend backend, StratumSettings settings) {
        Map<String, String> properties = new LinkedHashMap<>(settings.driverProperties());
        settings.schema().ifPresent(schema -> properties.putAll(backend.schemaDriverProperties(schema)));
        return properties;
    }

    private static BackendConnection connect(Backend backend, StratumSettings settings, ErrorTranslator errors) {
        try {
            return settings.url().isPresent()
                    ? backend.connect(settings.url().get(), settings.pool(), driverProperties(backend, settings))
                    : backend.adopt(settings.dataSource().orElseThrow());
        } catch (RuntimeException e) {
            throw errors.translate(e);
        }
    }
}
