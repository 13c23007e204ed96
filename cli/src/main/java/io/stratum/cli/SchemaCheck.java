package io.stratum.cli;

import io.stratum.SchemaState;

/** Why a command other than {@code migrate} will not use a database: any schema change is {@code migrate}'s alone. */
final class SchemaCheck {
    private SchemaCheck() {}

    /** The refusal, in one line, for a database whose schema is not {@link SchemaState#upToDate() up to date}. */
    static String refusal(SchemaState state) {
        if (!state.newer().isEmpty()) {
            return "the database has " + state.newer().size() + " Stratum changeset(s) this version does not know ("
                    + String.join(", ", state.newer()) + "): a newer Stratum migrated it; upgrade Stratum";
        }
        String what = state.applied() == 0
                ? "the database has tables but no Stratum schema"
                : "the database schema is not up to date";
        return what + ": " + state.pending() + " of " + state.known() + " changesets are pending; run 'stratum migrate'"
                + " to apply them (this command changes no schema)";
    }
}
