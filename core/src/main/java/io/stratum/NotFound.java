package io.stratum;

/** The entity an operation needs does not exist (or no longer exists). */
public final class NotFound extends StratumException {
    private final String entity;
    private final String id;

    public NotFound(String entity, Object id) {
        super(ErrorCode.NOT_FOUND, entity + " " + id + " not found", null);
        this.entity = entity;
        this.id = String.valueOf(id);
    }

    /** Kind of entity, e.g. {@code task}. */
    public String entity() {
        return entity;
    }

    /** Identifier that was looked up. */
    public String id() {
        return id;
    }
}
