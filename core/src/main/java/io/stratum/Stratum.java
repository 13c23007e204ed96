package io.stratum;

import io.stratum.agent.AgentRepository;
import io.stratum.audit.AuditLog;
import io.stratum.internal.tx.AssembledStore;
import io.stratum.internal.tx.StoreAssembly;
import io.stratum.internal.tx.TransactionScope;
import io.stratum.memory.MemoryRepository;
import io.stratum.queue.QueueObserver;
import io.stratum.queue.QueueSettings;
import io.stratum.queue.TaskQueue;
import io.stratum.session.SessionRepository;
import io.stratum.task.TaskRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
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

    private final AssembledStore store;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Stratum(AssembledStore store) {
        this.store = store;
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

    /** Opens a store with {@code settings}. Nothing is migrated: call {@link #migrate()}. */
    public static Stratum open(StratumSettings settings) {
        return new Stratum(StoreAssembly.assemble(Objects.requireNonNull(settings, "settings")));
    }

    /** A builder of {@link StratumSettings}: pool, driver, clock, retry, audit and queue settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Applies pending schema changes (Liquibase); idempotent and safe to call from many processes at once. */
    public void migrate() {
        store.schema().migrate();
    }

    /** Schema migrations: apply, roll back, status. */
    public SchemaMigrations schema() {
        return store.schema();
    }

    /** Tasks: submit, read, filter, update and change the status of stored tasks. */
    public TaskRepository tasks() {
        return store.repositories().tasks();
    }

    /** The work queue over the tasks: claim, complete, fail, heartbeat, reclaim, cancel, retry. */
    public TaskQueue queue() {
        return store.repositories().queue();
    }

    /**
     * Tells {@code observer} what this store's queue does from now on: every queue call and submit, through this
     * store or any of its transactions, the failed attempts and the leases reclaimed, as {@link QueueObserver}
     * describes. Works on an open store; several observers may be registered. Without any, the queue pays one
     * volatile read per call.
     *
     * @return the registration, whose {@code close()} removes the observer
     */
    public QueueObserver.Registration observe(QueueObserver observer) {
        return store.observers().add(observer);
    }

    /** Sessions and their append-only event logs. */
    public SessionRepository sessions() {
        return store.repositories().sessions();
    }

    /** Registered agents, heartbeats and agent status. */
    public AgentRepository agents() {
        return store.repositories().agents();
    }

    /** Shared, versioned memory: JSON documents by namespace and key. */
    public MemoryRepository memory() {
        return store.repositories().memory();
    }

    /** The audit trail of task status changes and memory writes, and the application's own rows. */
    public AuditLog audit() {
        return store.repositories().audit();
    }

    /** Purging of finished tasks, old audit rows and dead memory, in bounded batches. */
    public Retention retention() {
        return store.retention();
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
        return store.transactions().run(options, tx -> work.apply(new TransactionScope(tx, store.repositories())));
    }

    /**
     * The jOOQ context Stratum uses, for the application's own queries on the same pool (each statement on its own
     * connection: inside a transaction's work use {@link Transaction#dsl()} instead).
     */
    public DSLContext dsl() {
        return store.database().dsl();
    }

    /**
     * The connection pool Stratum uses (or the DataSource the application supplied), for the application's
     * own JDBC code. Statements run through it bypass Stratum's error translation and, on SQLite, its
     * in-process write queue: prefer {@link #dsl()}.
     */
    public DataSource dataSource() {
        return store.connection().dataSource();
    }

    /** Name of the backend in use: {@code sqlite}, {@code postgresql}, ... */
    public String backendName() {
        return store.backend().name();
    }

    /**
     * Closes the connection pool (unless the application supplied the DataSource) and the wake-up listener.
     * Idempotent. Afterwards every call of the repositories, the queue and {@link #transaction} fails at once with an
     * {@link Unavailable} that is not retryable, alike on every backend.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            store.transactions().close();
            store.wakeUps().close();
            store.connection().close();
            LOG.debug("closed {} store", store.backend().name());
        }
    }

    /**
     * The fluent way to {@link StratumSettings}: {@link #build()} checks the settings together, {@link #open()}
     * opens a store with them. Either a URL or a DataSource with its dialect is required. Not thread-safe.
     */
    public static final class Builder {
        String url;
        DataSource dataSource;
        SQLDialect dialect;
        PoolSettings pool = PoolSettings.defaults();
        final Map<String, String> driverProperties = new LinkedHashMap<>();
        Clock clock = Clock.systemUTC();
        RetryPolicy retry = RetryPolicy.defaults();
        RetryListener retryListener = RetryListener.NONE;
        boolean audit = true;
        String actor;
        QueueSettings queue = QueueSettings.defaults();
        final List<ExecuteListener> executeListeners = new ArrayList<>();
        String schema;

        private Builder() {}

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
         * (a service or host name, say; at most {@value StratumSettings#ACTOR_MAX} characters). Default: none.
         */
        public Builder actor(String value) {
            this.actor = value;
            return this;
        }

        /**
         * Keeps Stratum's tables and its Liquibase history in their own database schema, created by {@link
         * Stratum#migrate()} when missing, so that they never meet the application's (which may then have a table
         * named {@code tasks} of its own). Statements on Stratum's connections find Stratum's tables first and then
         * those of {@code public}, so the application's tables there resolve unqualified through {@link
         * Stratum#dsl()} and {@link Transaction#dsl()} unless their name is also one of Stratum's: qualify those.
         * PostgreSQL only; needs {@link #url}. Default: the connection's schema.
         */
        public Builder schema(String name) {
            this.schema = name;
            return this;
        }

        /** Retry back-off and what failure does to dependents; {@link QueueSettings#defaults()} if not set. */
        public Builder queue(QueueSettings value) {
            this.queue = Objects.requireNonNull(value, "queue");
            return this;
        }

        /**
         * Adds a jOOQ listener that runs on every statement Stratum executes (its own and those of {@link
         * Stratum#dsl()}), after Stratum has turned failures into typed exceptions: for tracing, metrics or tests.
         * Each call adds one; they run in the order added.
         */
        public Builder executeListener(ExecuteListener listener) {
            executeListeners.add(Objects.requireNonNull(listener, "executeListener"));
            return this;
        }

        /**
         * The settings, checked together; later changes to this builder do not affect them.
         *
         * @throws InvalidInput naming the first setting that is wrong: neither or both of a URL and a DataSource,
         *     a DataSource without dialect, a blank driver property name, an actor that is too long, a schema name
         *     that is not plain or comes with a DataSource
         */
        public StratumSettings build() {
            return new StratumSettings(this);
        }

        /** {@code Stratum.open(build())}. Nothing is migrated: call {@link Stratum#migrate()}. */
        public Stratum open() {
            return Stratum.open(build());
        }
    }
}
