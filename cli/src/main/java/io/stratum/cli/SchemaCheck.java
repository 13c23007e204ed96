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
        if (!state.clashes().isEmpty()) {
            return clash(state);
        }
        String what = state.applied() == 0
                ? "the database has tables but no Stratum schema"
                : "the database schema is not up to date";
        return what + ": " + state.pending() + " of " + state.known() + " changesets are pending; run 'stratum migrate'"
                + " to apply them (this command changes no schema)";
    }

    /**
     * Why {@code migrate} would refuse the database, as it says it when it does: tables of the names Stratum would
     * create are someone else's. Then 'run stratum migrate' is no advice.
     */
    static String clash(SchemaState state) {
        return "the database already has table(s) " + String.join(", ", state.clashes())
                + " that are not Stratum's and that Stratum would create, so 'stratum migrate' refuses it: use a"
                + " database (or schema) of Stratum's own";
    }
}
