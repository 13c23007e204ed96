package io.stratum;

/**
 * A status change (or an action such as an agent's heartbeat) that an entity's state machine does not allow from
 * its current status: a task, a session or an agent.
 */
public final class IllegalTransition extends Conflict {
    private final String entity;
    private final String id;
    private final String from;
    private final String to;

    /** A task that cannot move from {@code from} to {@code to}. */
    public IllegalTransition(Object taskId, String from, String to) {
        this("task", taskId, from, to);
    }

    public IllegalTransition(String entity, Object id, String from, String to) {
        super(entity + " " + id + " cannot move from " + from + " to " + to);
        this.entity = entity;
        this.id = String.valueOf(id);
        this.from = from;
        this.to = to;
    }

    /** Kind of entity: {@code task}, {@code session}, {@code agent}. */
    public String entity() {
        return entity;
    }

    /** Identifier of the entity. */
    public String id() {
        return id;
    }

    /** Status the entity had. */
    public String from() {
        return from;
    }

    /** Status that was requested, or the refused action ({@code heartbeat}). */
    public String to() {
        return to;
    }
}
