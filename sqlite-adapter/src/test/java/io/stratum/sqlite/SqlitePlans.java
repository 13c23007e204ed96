package io.stratum.sqlite;

import io.stratum.Stratum;
import io.stratum.testkit.tck.QueryPlans;
import java.util.List;

/** Query plans as SQLite's {@code EXPLAIN QUERY PLAN} reports them, with the statement's own bind values. */
final class SqlitePlans implements QueryPlans {
    @Override
    public List<String> plan(Stratum db, String sql, List<Object> bindValues) {
        return db.dsl().fetch("explain query plan " + sql, bindValues.toArray()).getValues("detail", String.class);
    }

    /** {@code SCAN t} reads table t in full; {@code SCAN t USING INDEX i} and {@code SEARCH ...} do not. */
    @Override
    public boolean isFullScan(String line) {
        return line.startsWith("SCAN ") && !line.contains(" USING ");
    }

    /** Plans are checked as they are in most SQLite files: without statistics. */
    @Override
    public void collectStatistics(Stratum store) {}
}
