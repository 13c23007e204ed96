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

/** The repositories of one store, all on one {@link Database}: the pool's, or one transaction's. */
public final class Repositories {
    private final Clock clock;
    private final AuditTrail audit;
    private final QueueQueries queries;
    private final TaskListing listing;
    private final QueueSettings queueSettings;
    private final ReclaimTimer reclaimTimer;
    private final WakeUps wakeUps;
    private final QueueEvents events;
    private final TaskRepository tasks;
    private final TaskQueue queue;
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
            QueueEvents events) {
        this(
                db,
                clock,
                audit,
                queries,
                listing,
                queueSettings,
                new ReclaimTimer(queueSettings.reclaimInterval()),
                wakeUps,
                events);
    }

    private Repositories(
            Database db,
            Clock clock,
            AuditTrail audit,
            QueueQueries queries,
            TaskListing listing,
            QueueSettings queueSettings,
            ReclaimTimer reclaimTimer,
            WakeUps wakeUps,
            QueueEvents events) {
        this.clock = clock;
        this.audit = audit;
        this.queries = queries;
        this.listing = listing;
        this.queueSettings = queueSettings;
        this.reclaimTimer = reclaimTimer;
        this.wakeUps = wakeUps;
        this.events = events;
        TaskTransitions transitions = new TaskTransitions(queries, audit);
        this.tasks = new JooqTaskRepository(db, clock, queries, listing, transitions, wakeUps, events);
        this.queue = new JooqTaskQueue(db, clock, queries, transitions, queueSettings, reclaimTimer, wakeUps, events);
        this.sessions = new JooqSessionRepository(db, clock, queries.updateReturning());
        this.agents = new JooqAgentRepository(db, clock);
        this.memory = new JooqMemoryRepository(db, clock, audit);
        this.auditLog = new JooqAuditLog(db, audit);
    }

    /** The same repositories on another database, sharing this store's reclaim timer, wake-ups and observers. */
    public Repositories on(Database db) {
        return new Repositories(db, clock, audit, queries, listing, queueSettings, reclaimTimer, wakeUps, events);
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
