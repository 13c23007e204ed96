package io.stratum.spi;

import io.stratum.ConfigurationError;
import io.stratum.PoolSettings;
import io.stratum.TransactionOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.Index;
import org.jooq.SQLDialect;
import org.jooq.Table;

/**
 * A SQL dialect Stratum can run on. Implementations live in their own module and are registered in
 * {@code META-INF/services/io.stratum.spi.Backend}; {@code Stratum.open(url)} picks the one whose
 * {@link #handles(String)} accepts the JDBC URL.
 *
 * <p>The interface is deliberately narrow: everything that is the same on every database lives in core.
 * An adapter only opens connections the way its database wants them, says what its SQL can do, and
 * classifies its driver's exceptions.
 */
public interface Backend {

    /**
     * Short lower-case name, e.g. {@code sqlite} or {@code postgresql}: Liquibase's name of the database too, which
     * selects the changesets of Stratum's changelog that are for this database only ({@code dbms="..."}).
     */
    String name();

    /** Whether this backend serves the given JDBC URL. */
    boolean handles(String jdbcUrl);

    /** The jOOQ dialect queries are rendered in. */
    SQLDialect dialect();

    /**
     * Opens a pool for {@code jdbcUrl}. {@code driverProperties} override the adapter's tuned defaults.
     * Must not log or return the URL's password.
     */
    BackendConnection connect(String jdbcUrl, PoolSettings pool, Map<String, String> driverProperties);

    /**
     * The driver properties that make every connection of {@link #connect} find Stratum's tables in {@code schema}
     * first, and the application's in the database's default schema after them. The default refuses: a backend
     * without schemas cannot keep Stratum's tables apart.
     *
     * @throws ConfigurationError if this database has no schemas
     */
    default Map<String, String> schemaDriverProperties(String schema) {
        throw new ConfigurationError(
                name() + " has no schemas: Stratum's tables cannot be kept in a schema of their own (schema '" + schema
                        + "'); use a database of Stratum's own instead",
                null);
    }

    /**
     * Adopts a {@link DataSource} the application manages itself (and closes itself). The adapter still
     * decides how writes are serialised.
     */
    BackendConnection adopt(DataSource dataSource);

    /** Classifies a driver exception; called once per failure, at the boundary. */
    SqlFailure classify(SQLException exception);

    /**
     * Prepares the connection a schema migration runs on, which may wait far longer for locks than normal
     * work (another process may be migrating the same database); the returned handle undoes the change before
     * the connection goes back to the pool. The default does nothing.
     */
    default MigrationSession prepareForMigration(Connection connection) throws SQLException {
        return () -> {};
    }

    /** Undoes {@link #prepareForMigration(Connection)}. */
    @FunctionalInterface
    interface MigrationSession extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    /**
     * The statement that opens a transaction with {@code options} on a connection in auto-commit mode, after which
     * Stratum ends it with {@code COMMIT} or {@code ROLLBACK}; or null to let the driver open it
     * ({@code setAutoCommit(false)}, ended with {@code commit()} or {@code rollback()}). The default is null for
     * {@link TransactionOptions#DEFAULT}, every repository call's transaction: a driver such as pgjdbc then sends
     * its {@code BEGIN} together with the first statement, one round trip less, and the transaction runs at the
     * server's default isolation (READ COMMITTED unless the server is configured otherwise). Other options get
     * standard SQL ({@code START TRANSACTION ISOLATION LEVEL ..., READ WRITE | READ ONLY}), never
     * {@code setTransactionIsolation}, whose session state would outlive the transaction behind a pooler. A
     * database that needs something else overrides it (SQLite: {@code BEGIN IMMEDIATE}, to take the write lock
     * before the first read). Core reads it through {@link #beginStatements}, the one to override for a database
     * that needs more than one statement.
     */
    default String beginStatement(TransactionOptions options) {
        if (options.equals(TransactionOptions.DEFAULT)) {
            return null;
        }
        return "START TRANSACTION ISOLATION LEVEL " + options.isolation().sql()
                + (options.readOnly() ? ", READ ONLY" : ", READ WRITE");
    }

    /**
     * The statements that open a transaction with {@code options}, executed one after the other (each a JDBC
     * execution of its own, so no driver needs to accept several statements in one string); empty to let the driver
     * open it, as for a null {@link #beginStatement}. Only the last may start the transaction: the ones before it
     * prepare it ({@code SET TRANSACTION ...} on MariaDB, whose {@code START TRANSACTION} takes no isolation
     * level). Core calls this method, never {@link #beginStatement} directly; the default is {@link #beginStatement}'s
     * statement alone, so a backend that needs one statement overrides {@link #beginStatement} only.
     */
    default List<String> beginStatements(TransactionOptions options) {
        String begin = beginStatement(options);
        return begin == null ? List.of() : List.of(begin);
    }

    /**
     * Whether {@code SELECT ... FOR UPDATE SKIP LOCKED} is available, so that concurrent claimers can
     * skip each other's rows instead of serialising on a write lock.
     */
    boolean supportsSkipLocked();

    /**
     * Whether {@code SELECT ... FOR UPDATE} locks rows until the transaction ends. A backend without row
     * locks must run write transactions one at a time (SQLite's {@code BEGIN IMMEDIATE}), so that what a
     * write transaction reads cannot change before it commits.
     */
    boolean supportsRowLocks();

    /**
     * Whether {@code UPDATE ... RETURNING} is available. With it, a claim picks and takes its tasks in one
     * statement ({@code UPDATE ... WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING *}), and a status
     * change reports the new versions of the rows it moved. Without it (MariaDB), a claim runs the same selection as
     * a statement of its own, updates the ids it locked and reads the rows back by their new lease token, and a
     * status change
     * selects and locks its rows first and updates them by id, each in one transaction. The default is true.
     */
    default boolean supportsUpdateReturning() {
        return true;
    }

    /**
     * Whether jOOQ's {@code INSERT ... ON CONFLICT (key) DO NOTHING} skips only the rows whose unique key is already
     * stored, as on PostgreSQL and SQLite; core then uses it where a concurrent transaction may store the same key
     * first (idempotency keys, versions of a memory entry). Return false where the dialect has no such clause and
     * jOOQ writes {@code INSERT IGNORE} instead (MariaDB), which also turns too-long values and failed CHECKs or
     * foreign keys into warnings and stores what it can: core then inserts without the clause and takes the
     * database's refusal of a duplicate key as the conflict. The default is true.
     */
    default boolean supportsOnConflictDoNothing() {
        return true;
    }

    /**
     * Whether a {@code WITH} clause may hold writes ({@code WITH moved AS (UPDATE ... RETURNING ...) INSERT ...}),
     * all of them applied by the one statement. With it, a status change writes its audit rows in its own
     * statement instead of a second one in a transaction. The default is false.
     */
    default boolean supportsWritesInWith() {
        return false;
    }

    /**
     * The table of {@code index} as a FROM-clause element that this database reads through that index.
     * Core asks for it only where a partial index serves the query exactly (ready tasks in claim order,
     * expired leases). The default leaves the choice to the planner, which is right for planners that cost
     * partial indexes well (PostgreSQL).
     */
    default Table<?> readThrough(Index index) {
        return index.getTable();
    }

    /**
     * How this database notifies waiting claims of other processes, or empty (the default): waiting claims then
     * learn of tasks submitted in the same JVM at once and of others' within the queue's poll interval.
     */
    default Optional<NotificationChannel> notifications() {
        return Optional.empty();
    }
}
