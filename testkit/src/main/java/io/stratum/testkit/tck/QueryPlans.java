package io.stratum.testkit.tck;

import io.stratum.Stratum;
import java.util.List;

/** How a backend explains its query plans, for {@link QueryPlanContract}. */
public interface QueryPlans {

    /**
     * The lines of the plan the database would run {@code sql} with, {@code bindValues} bound to its {@code ?}
     * placeholders as in production. {@code sql} is a statement as Stratum executed it.
     */
    List<String> plan(Stratum store, String sql, List<Object> bindValues);

    /** Whether a plan line reads a whole table (a sequential or full scan). */
    boolean isFullScan(String planLine);

    /**
     * Brings the planner's statistics into the state this backend's databases are usually in after a bulk
     * load: {@code ANALYZE}, as PostgreSQL's autovacuum does on its own. A database that gathers no statistics
     * unless the application asks (SQLite) overrides this to do nothing.
     */
    default void collectStatistics(Stratum store) {
        store.dsl().execute("analyze");
    }
}
