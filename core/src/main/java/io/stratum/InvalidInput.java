package io.stratum;

/** A value given to Stratum is not acceptable. Raised before anything is written. */
public final class InvalidInput extends StratumException {
    private final String field;

    public InvalidInput(String field, String problem) {
        super(ErrorCode.INVALID_INPUT, field + ": " + problem, null);
        this.field = field;
    }

    /** Name of the offending field or argument. */
    public String field() {
        return field;
    }
}
