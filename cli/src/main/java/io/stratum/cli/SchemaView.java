package io.stratum.cli;

import io.stratum.SchemaMigrations.ChangeSetState;
import io.stratum.Stratum;
import io.stratum.JdbcUrls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the schema commands print: where the database is and how many changesets are applied. */
record SchemaView(String backend, String url, List<ChangeSetState> changeSets) {

    static SchemaView of(Stratum db, StratumCommand root) {
        return new SchemaView(db.backendName(), JdbcUrls.redact(root.url()), db.schema().status());
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

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("backend", backend);
        json.put("url", url);
        json.put("applied", applied());
        json.put("pending", pending());
        return json;
    }
}
