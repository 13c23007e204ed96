package io.stratum.testkit.internal;

import static io.stratum.codegen.jooq.Tables.AGENTS;
import static io.stratum.codegen.jooq.Tables.AUDIT_LOG;
import static io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES;
import static io.stratum.codegen.jooq.Tables.SESSIONS;
import static io.stratum.codegen.jooq.Tables.SESSION_EVENTS;
import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;

import io.stratum.Stratum;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.Table;

/**
 * A database a suite hands in as a {@link DataSource}, which the testkit cannot create databases beside: its tests
 * take turns on it. Each test gets a store opened on it, migrated, with Stratum's tables emptied (the suite's own
 * tables are left alone); the DataSource stays the suite's to close.
 */
public final class HandedInDataSource {
    /** Children before parents, so that no foreign key stops a delete. */
    private static final List<Table<?>> STRATUM_TABLES =
            List.of(TASK_DEPENDENCIES, AUDIT_LOG, SESSION_EVENTS, MEMORY_ENTRIES, TASKS, AGENTS, SESSIONS);

    private final DataSource dataSource;
    private final SQLDialect dialect;
    private final ReentrantLock turn = new ReentrantLock();

    public HandedInDataSource(DataSource dataSource, SQLDialect dialect) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /**
     * Waits for the test before to {@link #release()} the database, then opens a migrated, empty store on it.
     * The calling thread holds the database until it calls {@link #release()}.
     */
    Stratum take() {
        turn.lock();
        try {
            Stratum store = Stratum.builder().dataSource(dataSource, dialect).open();
            try {
                store.migrate();
                store.transaction(tx -> STRATUM_TABLES.forEach(
                        table -> tx.dsl().deleteFrom(table).execute()));
                return store;
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        } catch (RuntimeException e) {
            turn.unlock();
            throw e;
        }
    }

    /** Lets the next test take the database. */
    void release() {
        turn.unlock();
    }
}
