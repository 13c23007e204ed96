package io.stratum.internal.tx;

import io.stratum.agent.AgentRepository;
import io.stratum.audit.AuditLog;
import io.stratum.internal.agent.JooqAgentRepository;
import io.stratum.internal.audit.AuditTrail;
import io.stratum.internal.audit.JooqAuditLog;
import io.stratum.internal.memory.JooqMemoryRepository;
import io.stratum.internal.observe.QueueEvents;
import io.stratum.internal.queue.JooqTaskQueue;
import io.stratum.internal.queue.QueueQueries;
import io.stratum.internal.queue.ReclaimTimer;
import io.stratum.internal.session.JooqSessionRepository;
import io.stratum.internal.statement.KeyConflicts;
import io.stratum.internal.task.JooqTaskRepository;
import io.stratum.internal.task.TaskListing;
import io.stratum.internal.task.TaskTransitions;
import io.stratum.internal.wake.WakeUps;
import io.stratum.memory.MemoryRepository;
import io.stratum.queue.QueueSettings;
import io.stratum.queue.TaskQueue;
import io.stratum.session.SessionRepository;
import io.stratum.task.TaskRepository;
import java.time.Clock;

/**
 * The repositories of one store, all on one {@link Database}: the pool's, or one transaction's. Those on a
 * transaction share the store's statements rendered once, reclaim timer, wake-ups and observers.
 */
public final class Repositories {
    private final Clock clock;
    private final AuditTrail audit;
    private final QueueQueries queries;
    private final KeyConflicts keyConflicts;
    private final JooqTaskRepository tasks;
    private final JooqTaskQueue queue;
    private final SessionRepository sessions;
    private final AgentRepository agents;
    private final MemoryRepository memory;
    private final AuditLog auditLog;

    public Repositories(
            Database db,
            Clock clock,
            AuditTrail audit,
            QueueQueries queries,
            TaskListing listing,
            QueueSettings queueSettings,
            WakeUps wakeUps,
            QueueEvents events,
            KeyConflicts keyConflicts) {
        this(
                db,
                clock,
                audit,
                queries,
                keyConflicts,
                new JooqTaskRepository(
                        db,
                        clock,
                        queries,
                        listing,
                        new TaskTransitions(queries, audit),
                        wakeUps,
                        events,
                        keyConflicts),
                new JooqTaskQueue(
                        db,
                        clock,
                        queries,
                        new TaskTransitions(queries, audit),
                        queueSettings,
                        new ReclaimTimer(queueSettings.reclaimInterval()),
                        wakeUps,
                        events));
    }

    private Repositories(
            Database db,
            Clock clock,
            AuditTrail audit,
            QueueQueries queries,
            KeyConflicts keyConflicts,
            JooqTaskRepository tasks,
            JooqTaskQueue queue) {
        this.clock = clock;
        this.audit = audit;
        this.queries = queries;
        this.keyConflicts = keyConflicts;
        this.tasks = tasks;
        this.queue = queue;
        this.sessions = new JooqSessionRepository(db, clock, queries.updateReturning());
        this.agents = new JooqAgentRepository(db, clock);
        this.memory = new JooqMemoryRepository(db, clock, audit, keyConflicts);
        this.auditLog = new JooqAuditLog(db, audit);
    }

    /** The same repositories on another database. */
    public Repositories on(Database db) {
        return new Repositories(db, clock, audit, queries, keyConflicts, tasks.on(db), queue.on(db));
    }

    public TaskRepository tasks() {
        return tasks;
    }

    public TaskQueue queue() {
        return queue;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    public AgentRepository agents() {
        return agents;
    }

    public MemoryRepository memory() {
        return memory;
    }

    public AuditLog audit() {
        return auditLog;
    }
}
