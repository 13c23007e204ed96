package io.stratum.mariadb;

import io.stratum.Stratum;
import io.stratum.testkit.tck.QueryPlans;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.JSONB;

/**
 * Plain {@code EXPLAIN} of each statement as Stratum ran it, its values bound as in production; one line per table
 * the plan reads: {@code table=... type=... key=... rows=... Extra=...}. A full scan has {@code type=ALL}.
 */
final class MariaDbPlans implements QueryPlans {
    @Override
    public List<String> plan(Stratum db, String sql, List<Object> bindValues) {
        return db.dsl().connectionResult(connection -> {
            List<String> lines = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("EXPLAIN " + sql)) {
                for (int i = 0; i < bindValues.size(); i++) {
                    s.setObject(i + 1, bindable(bindValues.get(i)));
                }
                try (ResultSet plan = s.executeQuery()) {
                    while (plan.next()) {
                        lines.add("table=" + plan.getString("table") + " type=" + plan.getString("type") + " key="
                                + plan.getString("key") + " rows=" + plan.getString("rows") + " Extra="
                                + plan.getString("Extra"));
                    }
                }
            }
            return lines;
        });
    }

    /** Values as Stratum's bindings send them: UUIDs and JSON as text, timestamps as the UTC date and time. */
    private static Object bindable(Object value) {
        if (value instanceof JSONB json) {
            return json.data();
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return value;
    }

    /** InnoDB samples statistics on its own after bulk changes; ANALYZE TABLE brings them up to date now. */
    @Override
    public void collectStatistics(Stratum store) {
        store.dsl().execute("ANALYZE TABLE tasks, task_dependencies");
    }

    /**
     * A whole table read: {@code type=ALL}, except on a derived table ({@code <derivedN>}), which holds the few rows
     * a LIMIT let through (the claim's UPDATE joins its locked selection of tasks so).
     */
    @Override
    public boolean isFullScan(String line) {
        return line.contains(" type=ALL ") && !line.startsWith("table=<derived");
    }
}
