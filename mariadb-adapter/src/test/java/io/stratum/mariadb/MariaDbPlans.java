package io.stratum.mariadb;

import io.stratum.Stratum;
import io.stratum.testkit.tck.QueryPlans;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain {@code EXPLAIN} of each statement as Stratum ran it, its values bound as in production; one line per table
 * the plan reads: {@code table=... type=... key=... rows=... Extra=...}. A full scan has {@code type=ALL} (or a
 * full index scan, {@code type=index}, without a limit to stop it).
 */
final class MariaDbPlans implements QueryPlans {
    @Override
    public List<String> plan(Stratum db, String sql, List<Object> bindValues) {
        return db.dsl().connectionResult(connection -> {
            List<String> lines = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("EXPLAIN " + sql)) {
                for (int i = 0; i < bindValues.size(); i++) {
                    Object value = bindValues.get(i);
                    s.setObject(i + 1, value instanceof java.util.UUID u ? u.toString() : value);
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

    @Override
    public boolean isFullScan(String line) {
        return line.contains(" type=ALL ");
    }
}
