package io.stratum;

import io.stratum.agent.AgentRepository;
import io.stratum.audit.AuditLog;
import io.stratum.internal.audit.AuditTrail;
import io.stratum.internal.tx.Backends;
import io.stratum.internal.tx.ErrorTranslator;
import io.stratum.JdbcUrls;
import io.stratum.internal.tx.Jooq;
import io.stratum.internal.audit.JooqRetention;
import io.stratum.internal.schema.LiquibaseMigrations;
import io.stratum.internal.tx.PooledDatabase;
import io.stratum.internal.queue.QueueQueries;
import io.stratum.internal.task.TaskListing;
import io.stratum.internal.tx.Repositories;
import io.stratum.internal.tx.Retrier;
import io.stratum.internal.values.Text;
import io.stratum.internal.tx.TransactionRunner;
import io.stratum.internal.tx.TransactionScope;
import io.stratum.memory.MemoryRepository;
import io.stratum.queue.QueueSettings;
import io.stratum.queue.TaskQueue;
import io.stratum.session.SessionRepository;
import io.stratum.spi.Backend;
import io.stratum.spi.BackendConnection;
import io.stratum.task.TaskRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
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


    private final Backend backend;
    private final BackendConnection connection;
    private final PooledDatabase database;
    private final TransactionRunner transactions;
    private final SchemaMigrations schema;
    private final Repositories repositories;
    private final Retention retention;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Stratum(Backend backend, BackendConnection connection, Builder settings) {
        this.backend = backend;
        this.connection = connection;
        ErrorTranslator errors = new ErrorTranslator(backend);
        DSLContext dsl = Jooq.context(connection.dataSource(), backend, errors);
        Retrier retrier = new Retrier(settings.retry, settings.retryListener);
        this.transactions = new TransactionRunner(connection.dataSource(), dsl.configuration(), backend,
                connection.writeGate(), errors, retrier);
        this.database = new PooledDatabase(dsl, transactions, retrier, errors);
        this.schema = new LiquibaseMigrations(connection.dataSource(), connection.writeGate(), backend);
        this.repositories = new Repositories(database, settings.clock,
                new AuditTrail(settings.audit, settings.actor, settings.clock), new QueueQueries(backend),
                new TaskListing(backend), settings.queue);
        this.retention = new JooqRetention(database, settings.clock);
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

    /** Tasks: submit, read, filter, update and change the status of stored tasks. */
    public TaskRepository tasks() {
        return repositories.tasks();
    }

    /** The work queue over the tasks: claim, complete, fail, heartbeat, reclaim, cancel, retry. */
    public TaskQueue queue() {
        return repositories.queue();
    }

    /** Sessions and their append-only event logs. */
    public SessionRepository sessions() {
        return repositories.sessions();
    }

    /** Registered agents, heartbeats and agent status. */
    public AgentRepository agents() {
        return repositories.agents();
    }

    /** Shared, versioned memory: JSON documents by namespace and key. */
    public MemoryRepository memory() {
        return repositories.memory();
    }

    /** The audit trail of task status changes and memory writes, and the application's own rows. */
    public AuditLog audit() {
        return repositories.audit();
    }

    /** Purging of finished tasks, old audit rows and dead memory, in bounded batches. */
    public Retention retention() {
        return retention;
    }

    /** Runs {@code work} in one read-write transaction; see {@link #transactionResult(TransactionOptions, Function)}. */
    public void transaction(Consumer<Transaction> work) {
        transaction(TransactionOptions.DEFAULT, work);
    }

    /** Runs {@code work} in one transaction with {@code options}; see {@link #transactionResult(TransactionOptions, Function)}. */
    public void transaction(TransactionOptions options, Consumer<Transaction> work) {
        Objects.requireNonNull(work, "work");
        transactionResult(options, tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** Runs {@code work} in one read-write transaction and returns its result; see below. */
    public <T> T transactionResult(Function<Transaction, T> work) {
        return transactionResult(TransactionOptions.DEFAULT, work);
    }

    /**
     * Runs {@code work} in one transaction with {@code options} and returns its result. Everything done through the
     * {@link Transaction} it receives commits when it returns, together, or not at all: if it throws, the
     * transaction is rolled back and the exception propagates (a database failure as a typed
     * {@link StratumException}). Audit rows are part of the transaction, so a rolled-back change leaves none.
     *
     * <ul>
     *   <li><b>Retries.</b> On a transient failure ({@link Busy}, or {@link Unavailable} before COMMIT) the
     *       transaction is rolled back and {@code work} runs again from the start, as the {@link RetryPolicy} of
     *       {@link Builder#retry} says; after the last attempt the failure is thrown. {@code work} may therefore
     *       run more than once: keep effects outside the database out of it, or make them idempotent.
     *   <li><b>Nesting.</b> Called inside another transaction's work on the same thread, this joins the outer
     *       transaction (its options stay in force) and does not commit on its own; so does every repository call
     *       made on this {@code Stratum} inside the work. Inside the work use the {@link Transaction}, or this
     *       store's repositories on the same thread: never a second thread, and not {@link #dsl()} (use
     *       {@link Transaction#dsl()}).
     *   <li><b>A failed statement dooms the transaction.</b> If a statement fails inside {@code work}, later calls
     *       through the transaction throw {@link IllegalStateException}, and even if the work catches the failure
     *       and returns normally the transaction is rolled back and that first failure is thrown (PostgreSQL
     *       cannot go on after a failed statement; SQLite is made to behave the same). Refusals Stratum decides
     *       before running a statement ({@link InvalidInput}, {@link NotFound}, {@link Conflict}, a missing
     *       reference) do not doom it.
     *   <li><b>Writers.</b> On SQLite a read-write transaction holds the database's single write lock from its
     *       start to its end: keep it short. Read-only transactions ({@link TransactionOptions#READ_ONLY}) take no
     *       write lock on SQLite and run {@code READ ONLY} on PostgreSQL.
     * </ul>
     */
    public <T> T transactionResult(TransactionOptions options, Function<Transaction, T> work) {
        if (options == null) {
            throw new InvalidInput("options", "is required");
        }
        Objects.requireNonNull(work, "work");
        return transactions.run(options, tx -> work.apply(new TransactionScope(tx, repositories)));
    }

    /**
     * The jOOQ context Stratum uses, for the application's own queries on the same pool (each statement on its own
     * connection: inside a transaction's work use {@link Transaction#dsl()} instead).
     */
    public DSLContext dsl() {
        return database.dsl();
    }

    /**
     * The connection pool Stratum uses (or the DataSource the application supplied), for the application's
     * own JDBC code. Statements run through it bypass Stratum's error translation and, on SQLite, its
     * in-process write queue: prefer {@link #dsl()}.
     */
    public DataSource dataSource() {
        return connection.dataSource();
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
        private RetryPolicy retry = RetryPolicy.defaults();
        private RetryListener retryListener = RetryListener.NONE;
        private boolean audit = true;
        private String actor;
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

        /** How transient failures are retried; {@link RetryPolicy#defaults()} unless set. */
        public Builder retry(RetryPolicy value) {
            this.retry = Objects.requireNonNull(value, "retry");
            return this;
        }

        /** Told about every retry, for metrics or logging; none unless set. */
        public Builder onRetry(RetryListener value) {
            this.retryListener = Objects.requireNonNull(value, "onRetry");
            return this;
        }

        /**
         * Whether Stratum writes audit rows for task status changes and memory writes (default true). Rows the
         * application writes with {@link AuditLog#record} are written either way.
         */
        public Builder audit(boolean enabled) {
            this.audit = enabled;
            return this;
        }

        /**
         * Who this store acts as, recorded in audit rows and as memory authors when an operation names no actor
         * (a service or host name, say; at most 200 characters). Default: none (null).
         */
        public Builder actor(String value) {
            this.actor = Text.optional("actor", value, 200);
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
            return new Stratum(backend, connection, this);
        }
    }
}
