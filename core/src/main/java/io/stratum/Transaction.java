package io.stratum;

import io.stratum.agent.AgentRepository;
import io.stratum.audit.AuditLog;
import io.stratum.memory.MemoryRepository;
import io.stratum.queue.TaskQueue;
import io.stratum.session.SessionRepository;
import io.stratum.task.TaskRepository;
import org.jooq.DSLContext;

/**
 * The repositories of a {@link Stratum}, bound to one database transaction: what the work given to
 * {@link Stratum#transaction(java.util.function.Consumer)} receives. Everything done through it commits together
 * when the work returns, or not at all.
 *
 * <p>A transaction belongs to the thread that runs the work: do not hand it to other threads, and do not keep it
 * after the work returns (its methods then throw {@link IllegalStateException}).
 */
public interface Transaction {

    TaskRepository tasks();

    /** The work queue: claims, completions and the rest commit with everything else done in the transaction. */
    TaskQueue queue();

    SessionRepository sessions();

    AgentRepository agents();

    MemoryRepository memory();

    AuditLog audit();

    /**
     * A jOOQ context on this transaction's connection, for the application's own statements in the same
     * transaction. Failures are typed as everywhere else and, like any failed statement, doom the transaction. Do not
     * start or end transactions on it (jOOQ's {@code transaction(...)}, COMMIT, ROLLBACK): nest
     * {@link Stratum#transaction} calls instead, which join this one.
     */
    DSLContext dsl();

    /** Whether this is a read-only transaction. */
    boolean isReadOnly();

    /** Which run of the work this is: 1 for the first, 2 after the first retry, and so on. */
    int attempt();
}
