package io.stratum.internal.tx;

import io.stratum.Transaction;
import io.stratum.agent.AgentRepository;
import io.stratum.audit.AuditLog;
import io.stratum.memory.MemoryRepository;
import io.stratum.queue.TaskQueue;
import io.stratum.session.SessionRepository;
import io.stratum.task.TaskRepository;
import org.jooq.DSLContext;

/** {@link Transaction}: the store's repositories on one {@link TransactionDatabase}. */
public final class TransactionScope implements Transaction {
    private final TransactionDatabase transaction;
    private final Repositories repositories;

    public TransactionScope(TransactionDatabase transaction, Repositories storeRepositories) {
        this.transaction = transaction;
        this.repositories = storeRepositories.on(transaction);
    }

    @Override
    public TaskRepository tasks() {
        return repositories.tasks();
    }

    @Override
    public TaskQueue queue() {
        return repositories.queue();
    }

    @Override
    public SessionRepository sessions() {
        return repositories.sessions();
    }

    @Override
    public AgentRepository agents() {
        return repositories.agents();
    }

    @Override
    public MemoryRepository memory() {
        return repositories.memory();
    }

    @Override
    public AuditLog audit() {
        return repositories.audit();
    }

    @Override
    public DSLContext dsl() {
        return transaction.dsl();
    }

    @Override
    public boolean isReadOnly() {
        return transaction.isReadOnly();
    }

    @Override
    public int attempt() {
        return transaction.attempt();
    }
}
