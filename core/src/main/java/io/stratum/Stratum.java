package io.stratum;

import io.stratum.internal.Backends;
import io.stratum.internal.Database;
import io.stratum.internal.ErrorTranslator;
import io.stratum.internal.JdbcUrls;
import io.stratum.internal.Jooq;
import io.stratum.internal.JooqTaskQueue;
import io.stratum.internal.JooqTaskRepository;
import io.stratum.internal.LiquibaseMigrations;
import io.stratum.internal.QueueQueries;
import io.stratum.internal.TaskTransitions;
import io.stratum.queue.QueueSettings;
import io.stratum.queue.TaskQueue;
import io.stratum.spi.Backend;
import io.stratum.spi.BackendConnection;
import io.stratum.task.TaskRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: one store of tasks, dependencies, sessions, agents, memory and audit trail, on SQLite or
 * PostgreSQL. Thread-safe; open one per database and share it. Every method is blocking and safe to call
 * from virtual threads.
 *
 * <pre>{@code
 * try (Stratum db = Stratum.open("jdbc:sqlite:stratum.db")) {
 *     db.migrate();
 *     TaskId id = db.tasks().submit(NewTask.builder("plan the feature", "planner").priority(7).build());
 *     for (Claimed work : db.queue().claim("worker-1", 16, Duration.ofMinutes(5))) {
 *         db.queue().complete(work.lease(), Json.of("{\"ok\": true}"));
 *     }
 * }
 * }</pre>
 */
public final class Stratum implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Stratum.class);

    static {
        // jOOQ prints a banner and tips on first use unless told not to; a library should stay quiet.
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    }

    private final Backend backend;
    private final BackendConnection connection;
    private final Database database;
    private final SchemaMigrations schema;
    private final TaskRepository tasks;
    private final TaskQueue queue;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Stratum(Backend backend, BackendConnection connection, Clock clock, QueueSettings queueSettings) {
        this.backend = backend;
        this.connection = connection;
        ErrorTranslator errors = new ErrorTranslator(backend);
        DSLContext dsl = Jooq.context(connection.dataSource(), backend, errors);
        this.database = new Database(dsl, connection.writeGate(), errors);
        this.schema = new LiquibaseMigrations(connection.dataSource(), connection.writeGate());
        QueueQueries queries = new QueueQueries(backend);
        TaskTransitions transitions = new TaskTransitions();
        this.tasks = new JooqTaskRepository(database, clock, queries, transitions);
        this.queue = new JooqTaskQueue(database, clock, queries, transitions, queueSettings);
    }

    /** Opens the database at {@code jdbcUrl} with default settings, e.g. {@code jdbc:sqlite:stratum.db}. */
    public static Stratum open(String jdbcUrl) {
        return builder().url(jdbcUrl).open();
    }

    /**
     * Uses a {@link DataSource} the application owns (and closes); {@code dialect} selects the backend,
     * e.g. {@link SQLDialect#POSTGRES}.
     */
    public static Stratum open(DataSource dataSource, SQLDialect dialect) {
        return builder().dataSource(dataSource, dialect).open();
    }

    /** A builder for pool, driver and clock settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Applies pending schema changes (Liquibase); idempotent and safe to call from many processes at once. */
    public void migrate() {
        schema.migrate();
    }

    /** Schema migrations: apply, roll back, status. */
    public SchemaMigrations schema() {
        return schema;
    }

    /** Tasks: the repository of the original system. */
    public TaskRepository tasks() {
        return tasks;
    }

    /** The work queue: claim, complete, fail, heartbeat, reclaim, cancel, retry. */
    public TaskQueue queue() {
        return queue;
    }

    /** The jOOQ context Stratum uses, for the application's own queries on the same pool. */
    public DSLContext dsl() {
        return database.dsl();
    }

    /** Name of the backend in use: {@code sqlite}, {@code postgresql}, ... */
    public String backendName() {
        return backend.name();
    }

    /** Closes the connection pool (unless the application supplied the DataSource). Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            connection.close();
            LOG.debug("closed {} store", backend.name());
        }
    }

    /**
     * Settings for {@link Stratum}; validated when {@link #open()} is called. Either a URL or a DataSource
     * with its dialect is required.
     */
    public static final class Builder {
        private String url;
        private DataSource dataSource;
        private SQLDialect dialect;
        private PoolSettings pool = PoolSettings.defaults();
        private final Map<String, String> driverProperties = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private QueueSettings queue = QueueSettings.defaults();

        private Builder() {
        }

        /** JDBC URL of the database; Stratum opens and owns the pool. */
        public Builder url(String value) {
            this.url = value;
            return this;
        }

        /** A DataSource the application owns; {@code sqlDialect} selects the backend. */
        public Builder dataSource(DataSource value, SQLDialect sqlDialect) {
            this.dataSource = value;
            this.dialect = sqlDialect;
            return this;
        }

        /** Pool settings (ignored with an application-owned DataSource). */
        public Builder pool(PoolSettings value) {
            this.pool = Objects.requireNonNull(value, "pool");
            return this;
        }

        /** A JDBC driver property, overriding the backend's tuned default of the same name. */
        public Builder driverProperty(String name, String value) {
            if (name == null || name.isBlank()) {
                throw new InvalidInput("driverProperty", "name is required");
            }
            driverProperties.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The clock timestamps, leases and back-off are computed with (tests may pass a fixed one). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Retry back-off and what failure does to dependents; {@link QueueSettings#defaults()} if not set. */
        public Builder queue(QueueSettings value) {
            this.queue = Objects.requireNonNull(value, "queue");
            return this;
        }

        /** Opens the store. Nothing is migrated: call {@link Stratum#migrate()}. */
        public Stratum open() {
            if ((url == null) == (dataSource == null)) {
                throw new InvalidInput("url", "give either a JDBC URL or a DataSource with its dialect, not "
                        + (url == null ? "neither" : "both"));
            }
            Backend backend = url != null ? Backends.forUrl(url) : Backends.forDialect(dialect);
            BackendConnection connection;
            try {
                connection = url != null
                        ? backend.connect(url, pool, Map.copyOf(driverProperties))
                        : backend.adopt(dataSource);
            } catch (RuntimeException e) {
                throw new ErrorTranslator(backend).translate(e);
            }
            LOG.info("opened {} store{}", backend.name(), url == null ? " on a supplied DataSource" : " at " + JdbcUrls.redact(url));
            return new Stratum(backend, connection, clock, queue);
        }
    }
}
