package io.stratum;

/**
 * The database refused a write because it would break a declared constraint. {@link #constraint()} is the
 * constraint's name in the schema (for example {@code ck_tasks_priority} or {@code fk_tasks_parent}), so
 * callers can tell which rule they broke without parsing messages.
 */
public final class ConstraintViolation extends StratumException {
    /** Which kind of constraint was violated. */
    public enum Kind {
        CHECK,
        FOREIGN_KEY,
        UNIQUE,
        NOT_NULL
    }

    private final Kind kind;
    private final String constraint;

    public ConstraintViolation(Kind kind, String constraint, String detail, Throwable cause) {
        super(
                ErrorCode.CONSTRAINT_VIOLATION,
                kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " constraint " + constraint
                        + " violated" + (detail == null ? "" : ": " + detail),
                cause);
        this.kind = kind;
        this.constraint = constraint;
    }

    public Kind kind() {
        return kind;
    }

    /** Name of the violated constraint as declared in the schema. */
    public String constraint() {
        return constraint;
    }
}
