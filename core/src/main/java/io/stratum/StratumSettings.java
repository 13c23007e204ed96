package io.stratum;

import io.stratum.internal.values.Text;
import io.stratum.queue.QueueSettings;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;

/**
 * Everything a {@link Stratum} is opened with, immutable and validated as a whole: built by {@link
 * Stratum#builder()} ({@link Stratum.Builder#build()}), opened with {@link Stratum#open(StratumSettings)}. One
 * settings object may open any number of stores. Defaults are those the builder documents.
 */
public final class StratumSettings {
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Longest {@link #actor()}, in characters. */
    public static final int ACTOR_MAX = 200;

    private final String url;
    private final DataSource dataSource;
    private final SQLDialect dialect;
    private final PoolSettings pool;
    private final Map<String, String> driverProperties;
    private final Clock clock;
    private final RetryPolicy retry;
    private final RetryListener retryListener;
    private final boolean audit;
    private final String actor;
    private final QueueSettings queue;
    private final List<ExecuteListener> executeListeners;
    private final String schema;

    /** Checks the builder's values together; throws {@link InvalidInput} naming the first setting that is wrong. */
    StratumSettings(Stratum.Builder values) {
        if ((values.url == null) == (values.dataSource == null)) {
            throw new InvalidInput(
                    "url",
                    "give either a JDBC URL or a DataSource with its dialect, not "
                            + (values.url == null ? "neither" : "both"));
        }
        if (values.dataSource != null && values.dialect == null) {
            throw new InvalidInput("dialect", "is required");
        }
        if (JdbcUrls.hasUserInfoPassword(values.url)) {
            throw new InvalidInput(
                    "url",
                    "'" + JdbcUrls.redact(values.url) + "' has a password in user-info form (user:password@host),"
                            + " which the JDBC drivers do not read (they take it for the port); give them as the"
                            + " URL's user and password parameters instead, or as driver properties");
        }
        for (String name : values.driverProperties.keySet()) {
            if (name == null || name.isBlank()) {
                throw new InvalidInput("driverProperty", "name is required");
            }
        }
        this.url = values.url;
        this.dataSource = values.dataSource;
        this.dialect = values.dialect;
        this.pool = values.pool;
        this.driverProperties = Collections.unmodifiableMap(new LinkedHashMap<>(values.driverProperties));
        this.clock = values.clock;
        this.retry = values.retry;
        this.retryListener = values.retryListener;
        this.audit = values.audit;
        this.actor = Text.optional("actor", values.actor, ACTOR_MAX);
        this.queue = values.queue;
        this.executeListeners = List.copyOf(values.executeListeners);
        this.schema = schemaName(values.schema);
        if (schema != null && values.dataSource != null) {
            throw new InvalidInput(
                    "schema", "is for a store that opens its own pool from a URL: set it on the DataSource instead");
        }
    }

    private static String schemaName(String value) {
        if (value != null && !SCHEMA_NAME.matcher(value).matches()) {
            throw new InvalidInput(
                    "schema",
                    "'" + value + "' is not a schema name Stratum uses: lower-case letters, digits and _, starting"
                            + " with a letter or _, at most 63 characters");
        }
        return value;
    }

    /**
     * The database schema Stratum's tables and its Liquibase history live in, apart from the application's; empty
     * for the connection's own (the default). Only backends with schemas take it (PostgreSQL).
     */
    public Optional<String> schema() {
        return Optional.ofNullable(schema);
    }

    /** The JDBC URL Stratum opens its own pool on; empty with an application-owned DataSource. */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** The application-owned DataSource; empty when Stratum opens its own pool from {@link #url()}. */
    public Optional<DataSource> dataSource() {
        return Optional.ofNullable(dataSource);
    }

    /** The dialect of {@link #dataSource()}; empty with a URL, whose scheme selects the backend. */
    public Optional<SQLDialect> dialect() {
        return Optional.ofNullable(dialect);
    }

    /** Pool settings (not used with an application-owned DataSource). */
    public PoolSettings pool() {
        return pool;
    }

    /** JDBC driver properties overriding the backend's tuned defaults, in the order set; unmodifiable. */
    public Map<String, String> driverProperties() {
        return driverProperties;
    }

    /** The clock timestamps, leases and back-off are computed with. */
    public Clock clock() {
        return clock;
    }

    /** How transient failures are retried. */
    public RetryPolicy retry() {
        return retry;
    }

    /** Told about every retry. */
    public RetryListener retryListener() {
        return retryListener;
    }

    /** Whether Stratum writes audit rows for task status changes and memory writes. */
    public boolean audit() {
        return audit;
    }

    /** Who the store acts as in audit rows and memory authorship when an operation names no actor; may be empty. */
    public Optional<String> actor() {
        return Optional.ofNullable(actor);
    }

    /** Retry back-off, reclaim interval and what failure does to dependents. */
    public QueueSettings queue() {
        return queue;
    }

    /** The application's jOOQ listeners, in the order they run; unmodifiable. */
    public List<ExecuteListener> executeListeners() {
        return executeListeners;
    }
}
