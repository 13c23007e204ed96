package io.stratum;

/** An optimistic update carried a version that is no longer the stored one. */
public final class StaleVersion extends Conflict {
    private final String entity;
    private final String id;
    private final long expectedVersion;
    private final long actualVersion;

    public StaleVersion(String entity, Object id, long expectedVersion, long actualVersion) {
        super(entity + " " + id + " was changed concurrently: expected version " + expectedVersion
                + ", stored version is " + actualVersion);
        this.entity = entity;
        this.id = String.valueOf(id);
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String entity() {
        return entity;
    }

    public String id() {
        return id;
    }

    /** Version the caller based its change on. */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** Version stored when the change was attempted. */
    public long actualVersion() {
        return actualVersion;
    }
}
