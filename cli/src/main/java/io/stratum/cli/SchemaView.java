package io.stratum.cli;

import io.stratum.JdbcUrls;
import io.stratum.SchemaMigrations.ChangeSetState;
import io.stratum.SchemaState;
import io.stratum.Stratum;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the schema commands print: where the database is, how many of Stratum's changesets are applied, and the
 * changesets of others (an application's) that the same history records.
 */
record SchemaView(String backend, String url, List<ChangeSetState> changeSets, SchemaState state) {

    static SchemaView of(Stratum db, StratumCommand root) {
        return new SchemaView(
                db.backendName(),
                JdbcUrls.redact(root.url()),
                db.schema().status(),
                db.schema().state());
    }

    /** Changesets of others in the history, as {@code id::author}. */
    List<String> others() {
        return state.others();
    }

    /** What to do about pending changesets, e.g. {@code run 'stratum migrate' to apply the rest}. */
    String advice() {
        return state.clashes().isEmpty() ? "run 'stratum migrate' to apply the rest" : SchemaCheck.clash(state);
    }

    long applied() {
        return changeSets.stream().filter(ChangeSetState::applied).count();
    }

    long pending() {
        return changeSets.size() - applied();
    }

    /** e.g. {@code 22 of 22 changesets applied (sqlite, jdbc:sqlite:stratum.db)}. */
    String summary() {
        return applied() + " of " + changeSets.size() + " changesets applied (" + backend + ", " + url + ")";
    }

    /** e.g. {@code 1 other changeset in the history, not Stratum's and left alone: app-001::shop}; null if none. */
    String othersLine() {
        if (others().isEmpty()) {
            return null;
        }
        return others().size() + " other changeset(s) in the history, not Stratum's and left alone: "
                + String.join(", ", others());
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("backend", backend);
        json.put("url", url);
        json.put("applied", applied());
        json.put("pending", pending());
        json.put("others", others());
        json.put("clashes", state.clashes());
        return json;
    }
}
