package io.stratum.internal;

import io.stratum.agent.AgentRepository;
import io.stratum.audit.AuditLog;
import io.stratum.memory.MemoryRepository;
import io.stratum.session.SessionRepository;
import io.stratum.task.TaskRepository;
import java.time.Clock;

/** The repositories of one store, all on one {@link Database}: the pool's, or one transaction's. */
public final class Repositories {
    private final Clock clock;
    private final AuditTrail audit;
    private final TaskRepository tasks;
    private final SessionRepository sessions;
    private final AgentRepository agents;
    private final MemoryRepository memory;
    private final AuditLog auditLog;

    public Repositories(Database db, Clock clock, AuditTrail audit) {
        this.clock = clock;
        this.audit = audit;
        this.tasks = new JooqTaskRepository(db, clock, audit);
        this.sessions = new JooqSessionRepository(db, clock);
        this.agents = new JooqAgentRepository(db, clock);
        this.memory = new JooqMemoryRepository(db, clock, audit);
        this.auditLog = new JooqAuditLog(db, audit);
    }

    /** The same repositories on another database. */
    public Repositories on(Database db) {
        return new Repositories(db, clock, audit);
    }

    public TaskRepository tasks() {
        return tasks;
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
