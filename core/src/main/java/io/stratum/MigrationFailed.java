package io.stratum;

/** Applying, rolling back or inspecting the schema with Liquibase failed, or the schema is not usable. */
public final class MigrationFailed extends StratumException {
    public MigrationFailed(String message, Throwable cause) {
        super(ErrorCode.MIGRATION, message, cause);
    }
}
