package io.stratum.testkit.tck;

import static io.stratum.codegen.jooq.Tables.AGENTS;
import static io.stratum.codegen.jooq.Tables.AUDIT_LOG;
import static io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES;
import static io.stratum.codegen.jooq.Tables.SESSIONS;
import static io.stratum.codegen.jooq.Tables.SESSION_EVENTS;
import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;

import io.stratum.Stratum;
import io.stratum.spi.Backend;
import java.time.Clock;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the conformance suites: one migrated database per test class, emptied before each test.
 * {@link ConformanceSuite} says which {@link ScratchDatabases} to use.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContractSupport {
    protected ScratchDatabases databases;
    /** JDBC URL of {@link #db}'s database. */
    protected String url;

    protected Stratum db;
    protected final MutableClock clock = new MutableClock();

    /** The databases of the backend configuration under test. */
    protected abstract ScratchDatabases testDatabase();

    @BeforeAll
    void openStore() {
        databases = testDatabase();
        url = databases.freshUrl();
        db = storeBuilder(url).clock(clock).open();
        migrate(db, url);
    }

    /** The backend that handles {@link #url}, as its module provides it: what it can do beyond the common ground. */
    protected Backend backend() {
        return ServiceLoader.load(Backend.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(b -> b.handles(url))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no backend handles the database under test"));
    }

    /**
     * A builder for a store on {@code url} with the settings the configuration under test needs (behind a pooler in
     * transaction mode: {@code WakeUpMode.POLL}); by default none.
     */
    protected Stratum.Builder storeBuilder(String url) {
        return Stratum.builder().url(url);
    }

    /**
     * Migrates {@code store}, opened on {@code url}. A configuration whose connections cannot hold a session (a
     * pooler in transaction mode) migrates over a direct connection to the same database instead.
     */
    protected void migrate(Stratum store, String url) {
        store.migrate();
    }

    @BeforeEach
    void emptyTables() {
        var dsl = db.dsl();
        dsl.deleteFrom(AUDIT_LOG).execute();
        dsl.deleteFrom(MEMORY_ENTRIES).execute();
        dsl.deleteFrom(TASK_DEPENDENCIES).execute();
        dsl.deleteFrom(TASKS).execute();
        dsl.deleteFrom(AGENTS).execute();
        dsl.deleteFrom(SESSION_EVENTS).execute();
        dsl.deleteFrom(SESSIONS).execute();
        clock.reset();
    }

    @AfterAll
    void closeStore() {
        if (db != null) {
            db.close();
        }
        if (databases != null) {
            databases.close();
        }
    }

    /** Opens another store on a fresh database of the same backend (caller closes it). */
    protected Stratum openFresh(Clock withClock) {
        return storeBuilder(databases.freshUrl()).clock(withClock).open();
    }

    /** Opens and migrates a store on a fresh database with this suite's clock and {@code settings} (caller closes it). */
    protected Stratum openMigrated(UnaryOperator<Stratum.Builder> settings) {
        String freshUrl = databases.freshUrl();
        Stratum store = settings.apply(storeBuilder(freshUrl).clock(clock)).open();
        migrate(store, freshUrl);
        return store;
    }
}
